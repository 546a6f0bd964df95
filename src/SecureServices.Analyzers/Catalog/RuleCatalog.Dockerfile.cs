using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string UnpinnedBaseImageTag = "SSA7001";
        public const string BaseImageNotPinnedByDigest = "SSA7002";
        public const string UntrustedImageRegistry = "SSA7003";
        public const string FinalStageRunsAsRoot = "SSA7004";
        public const string SecretNameInEnvOrArg = "SSA7005";
        public const string SecretTokenInDockerfile = "SSA7006";
        public const string SecretFileCopiedIntoImage = "SSA7007";
        public const string WholeContextCopiedWithoutDockerignore = "SSA7008";
        public const string AddUsedInsteadOfCopy = "SSA7009";
        public const string RemoteAddWithoutChecksum = "SSA7010";
        public const string DownloadPipedToShell = "SSA7011";
        public const string TlsVerificationDisabledInRun = "SSA7012";
        public const string PackageManagerHygiene = "SSA7013";
        public const string PipeWithoutPipefail = "SSA7014";
        public const string SudoInRun = "SSA7015";
        public const string WorldWritableOrSetuidMode = "SSA7016";
        public const string RemoteAdministrationPortExposed = "SSA7017";
        public const string PrivilegedPortForNonRootUser = "SSA7018";
        public const string BuildToolImageInFinalStage = "SSA7019";
        public const string DevelopmentEnvironmentBakedIn = "SSA7020";
        public const string ShellFormEntrypoint = "SSA7021";
        public const string OverriddenStageInstruction = "SSA7022";
        public const string MissingHealthcheck = "SSA7023";
        public const string RelativeWorkdir = "SSA7024";
        public const string CdInRun = "SSA7025";
        public const string ConsecutiveRunInstructions = "SSA7026";
        public const string MissingOciLabels = "SSA7027";
        public const string DeprecatedMaintainer = "SSA7028";
    }

    // SSA7xxx — Dockerfile rules, reported by the MSBuild task (§4.2, 4.3, 5.2, 5.5–5.8).
    internal static partial class RuleCatalog
    {
        public const string ContainerCategory = "Security.Container";

        private static readonly ReadOnlyCollection<RuleDefinition> DockerfileRules = Table(new[]
        {
            Docker(
                RuleIds.UnpinnedBaseImageTag, ContainerCategory, RuleSeverity.Warning, Sections("4.2", "5.6"), 1357,
                T("Base image without a tag or with the 'latest' tag",
                  "Image de base sans étiquette ou avec l'étiquette « latest »"),
                T("Base image '{0}' resolves to the moving 'latest' tag; pin a version tag (and ideally a digest) so builds are reproducible and reviewed",
                  "L'image de base '{0}' désigne l'étiquette mobile « latest » ; fixez une étiquette de version (et idéalement un condensé) pour des constructions reproductibles et vérifiées"),
                T("An image reference without a tag resolves to 'latest', which changes under you: the next build can pull a different, unreviewed and possibly vulnerable image.",
                  "Une référence d'image sans étiquette désigne « latest », qui change sans prévenir : la prochaine construction peut tirer une image différente, non vérifiée et peut-être vulnérable.")),
            Docker(
                RuleIds.BaseImageNotPinnedByDigest, ContainerCategory, RuleSeverity.Suggestion, Sections("4.2", "5.6"), 494,
                T("Base image not pinned by digest",
                  "Image de base non épinglée par condensé"),
                T("Base image '{0}' is not pinned by digest; add '@sha256:…' so the build uses exactly the image that was scanned",
                  "L'image de base '{0}' n'est pas épinglée par condensé ; ajoutez « @sha256:… » pour que la construction utilise exactement l'image analysée"),
                T("A tag can be re-pushed; only a digest names immutable content. Reported only when secureservices.require_image_digest = true.",
                  "Une étiquette peut être republiée ; seul un condensé désigne un contenu immuable. Signalé seulement si secureservices.require_image_digest = true.")),
            Docker(
                RuleIds.UntrustedImageRegistry, ContainerCategory, RuleSeverity.Warning, Sections("4.3", "5.6"), 829,
                T("Image from a registry outside the trusted list",
                  "Image provenant d'un registre hors de la liste de confiance"),
                T("Image '{0}' comes from '{1}', which is not in secureservices.trusted_registries",
                  "L'image '{0}' provient de '{1}', qui ne figure pas dans secureservices.trusted_registries"),
                T("Base images, COPY --from images and RUN --mount images must come from the registries the organisation scans and trusts. Reported only when secureservices.trusted_registries is set; a bare name such as 'alpine' means Docker Hub.",
                  "Les images de base, de COPY --from et de RUN --mount doivent provenir des registres que l'organisation analyse et approuve. Signalé seulement si secureservices.trusted_registries est défini ; un nom nu comme « alpine » désigne Docker Hub.")),
            Docker(
                RuleIds.FinalStageRunsAsRoot, ContainerCategory, RuleSeverity.Warning, Sections("5.2"), 250,
                T("Final image runs as root",
                  "L'image finale s'exécute en tant que root"),
                T("The final image runs as '{0}'; switch to a non-root user ('USER app' or 'USER $APP_UID' on .NET 8+ images) after the last FROM",
                  "L'image finale s'exécute en tant que '{0}' ; passez à un utilisateur non root (« USER app » ou « USER $APP_UID » sur les images .NET 8+) après le dernier FROM"),
                T("A process running as root in a container is one kernel bug or misconfiguration away from root on the node. Build stages are not reported; chiseled and distroless ':nonroot' images are recognised as non-root.",
                  "Un processus root dans un conteneur n'est qu'à une faille du noyau ou une erreur de configuration d'être root sur le nœud. Les étapes de construction ne sont pas signalées ; les images « chiseled » et distroless « :nonroot » sont reconnues comme non root.")),
            Docker(
                RuleIds.SecretNameInEnvOrArg, ContainerCategory, RuleSeverity.Warning, Sections("5.8"), 538,
                T("Secret passed through ENV or ARG",
                  "Secret transmis par ENV ou ARG"),
                T("'{0}' passes a secret through {1}, which is stored in the image or its history; use 'RUN --mount=type=secret' at build time or a runtime secret",
                  "'{0}' transmet un secret par {1}, qui est conservé dans l'image ou son historique ; utilisez « RUN --mount=type=secret » à la construction ou un secret à l'exécution"),
                T("ENV values are part of the image configuration and build-argument values are recorded in 'docker history'; anyone who can pull the image can read them.",
                  "Les valeurs ENV font partie de la configuration de l'image et celles des arguments de construction sont enregistrées dans « docker history » ; quiconque peut tirer l'image peut les lire.")),
            Docker(
                RuleIds.SecretTokenInDockerfile, ContainerCategory, RuleSeverity.Error, Sections("5.8"), 798,
                T("Secret token written in the Dockerfile",
                  "Jeton secret écrit dans le Dockerfile"),
                T("{0} '{1}…' ({2} characters) is written in the Dockerfile and ends up in the image and the repository; revoke it and pass it with 'RUN --mount=type=secret'",
                  "Secret de type « {0} » ('{1}…', {2} caractères) écrit dans le Dockerfile : il se retrouve dans l'image et le dépôt ; révoquez-le et transmettez-le avec « RUN --mount=type=secret »"),
                T("A value with the exact format of a real credential (cloud key, access token, private key) is committed with the Dockerfile and copied into image layers or history.",
                  "Une valeur au format exact d'un véritable identifiant (clé infonuagique, jeton d'accès, clé privée) est validée avec le Dockerfile et copiée dans les couches ou l'historique de l'image.")),
            Docker(
                RuleIds.SecretFileCopiedIntoImage, ContainerCategory, RuleSeverity.Warning, Sections("5.8"), 538,
                T("Secret file copied into the image",
                  "Fichier secret copié dans l'image"),
                T("'{0}' copies '{1}' into the image; keys, certificates and credential files must be mounted at run time, not baked in",
                  "'{0}' copie '{1}' dans l'image ; clés, certificats et fichiers d'identifiants doivent être montés à l'exécution, pas intégrés"),
                T("Private keys (.pem, .key, .pfx, .p12, id_rsa), .env files, .npmrc, .aws/, appsettings.Development.json and nuget.config files with credentials that reach the final image can be extracted by anyone who pulls it.",
                  "Les clés privées (.pem, .key, .pfx, .p12, id_rsa), fichiers .env, .npmrc, .aws/, appsettings.Development.json et nuget.config avec identifiants qui atteignent l'image finale peuvent être extraits par quiconque la tire.")),
            Docker(
                RuleIds.WholeContextCopiedWithoutDockerignore, ContainerCategory, RuleSeverity.Warning, Sections("5.5", "5.8"), 538,
                T("Whole build context copied without an adequate .dockerignore",
                  "Contexte de construction copié en entier sans .dockerignore adéquat"),
                T("'{0}' copies the whole build context, but {1}",
                  "'{0}' copie tout le contexte de construction, mais {1}"),
                T("COPY . / ADD . sends everything in the build context into the image: the Git history, local bin/obj output, .env files and certificates, unless a .dockerignore excludes them.",
                  "COPY . / ADD . envoie tout le contexte de construction dans l'image : l'historique Git, les sorties locales bin/obj, les fichiers .env et les certificats, sauf si un .dockerignore les exclut.")),
            Docker(
                RuleIds.AddUsedInsteadOfCopy, ContainerCategory, RuleSeverity.Warning, Sections("4.2"), 829,
                T("ADD used where COPY does the job",
                  "ADD utilisé là où COPY suffit"),
                T("Use COPY instead of ADD for '{0}'; ADD also fetches URLs and unpacks archives, which hides what enters the image",
                  "Utilisez COPY plutôt que ADD pour '{0}' ; ADD télécharge aussi des URL et décompresse des archives, ce qui masque ce qui entre dans l'image"),
                T("ADD is only needed to unpack a local tar archive or to fetch a remote file with --checksum; for plain files COPY says exactly what happens.",
                  "ADD n'est utile que pour décompresser une archive tar locale ou télécharger un fichier distant avec --checksum ; pour des fichiers ordinaires, COPY dit exactement ce qui se passe.")),
            Docker(
                RuleIds.RemoteAddWithoutChecksum, ContainerCategory, RuleSeverity.Warning, Sections("4.2"), 494,
                T("Remote file added without a checksum",
                  "Fichier distant ajouté sans somme de contrôle"),
                T("ADD downloads '{0}' without --checksum; whatever the server returns goes into the image",
                  "ADD télécharge '{0}' sans --checksum ; ce que le serveur renvoie entre tel quel dans l'image"),
                T("A download that is not verified against a known digest can be swapped on the server or in transit. Add --checksum=sha256:… (or download, verify and extract in one RUN).",
                  "Un téléchargement non vérifié par rapport à un condensé connu peut être remplacé sur le serveur ou en transit. Ajoutez --checksum=sha256:… (ou téléchargez, vérifiez et extrayez dans un même RUN).")),
            Docker(
                RuleIds.DownloadPipedToShell, ContainerCategory, RuleSeverity.Warning, Sections("4.2"), 494,
                T("Downloaded script piped into a shell",
                  "Script téléchargé envoyé à un interpréteur"),
                T("'{0}' runs a downloaded script without verifying it; download it, check its checksum or signature, then run it",
                  "'{0}' exécute un script téléchargé sans le vérifier ; téléchargez-le, vérifiez sa somme de contrôle ou sa signature, puis exécutez-le"),
                T("curl … | sh runs whatever the server sends at build time, with the build's privileges; nothing pins or reviews it.",
                  "curl … | sh exécute ce que le serveur envoie au moment de la construction, avec les privilèges de la construction ; rien ne le fige ni ne le vérifie.")),
            Docker(
                RuleIds.TlsVerificationDisabledInRun, ContainerCategory, RuleSeverity.Error, Sections("5.4"), 295,
                T("TLS or signature verification switched off in the image build",
                  "Vérification TLS ou de signature désactivée dans la construction de l'image"),
                T("'{0}' switches off certificate or package signature verification; the download can be tampered with in transit",
                  "'{0}' désactive la vérification des certificats ou des signatures de paquets ; le téléchargement peut être altéré en transit"),
                T("curl -k, wget --no-check-certificate, pip --trusted-host, npm strict-ssl false, NODE_TLS_REJECT_UNAUTHORIZED=0, apt --allow-unauthenticated, --nogpgcheck and git http.sslVerify=false let anyone on the path substitute the packages that go into the image.",
                  "curl -k, wget --no-check-certificate, pip --trusted-host, npm strict-ssl false, NODE_TLS_REJECT_UNAUTHORIZED=0, apt --allow-unauthenticated, --nogpgcheck et git http.sslVerify=false permettent à quiconque sur le chemin de substituer les paquets qui entrent dans l'image.")),
            Docker(
                RuleIds.PackageManagerHygiene, ContainerCategory, RuleSeverity.Warning, Sections("4.2", "5.5"), 1357,
                T("Package manager used without hygiene",
                  "Gestionnaire de paquets utilisé sans hygiène"),
                T("'{0}': {1}",
                  "'{0}' : {1}"),
                T("Minimal, reproducible images install only what they need (-y, --no-install-recommends, apk --no-cache), clean package lists in the same layer, and get fixes from a newer base image rather than 'apt-get upgrade'.",
                  "Des images minimales et reproductibles n'installent que le nécessaire (-y, --no-install-recommends, apk --no-cache), nettoient les listes de paquets dans la même couche et obtiennent les correctifs d'une image de base plus récente plutôt que par « apt-get upgrade ».")),
            Docker(
                RuleIds.PipeWithoutPipefail, ContainerCategory, RuleSeverity.Warning, Sections("4.2"), 754,
                T("Pipe in RUN without 'set -o pipefail'",
                  "Tube dans RUN sans « set -o pipefail »"),
                T("Only the last command of this pipe decides whether the RUN succeeds; add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] (or 'set -o pipefail &&') before it",
                  "Seule la dernière commande de ce tube décide du succès du RUN ; ajoutez SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] (ou « set -o pipefail && ») avant"),
                T("Without pipefail, 'curl … | tar x' succeeds when the download fails, and the image is built from a truncated or error page.",
                  "Sans pipefail, « curl … | tar x » réussit même si le téléchargement échoue, et l'image est construite à partir d'un fichier tronqué ou d'une page d'erreur.")),
            Docker(
                RuleIds.SudoInRun, ContainerCategory, RuleSeverity.Warning, Sections("5.2"), 250,
                T("sudo used in RUN",
                  "sudo utilisé dans RUN"),
                T("Do not use sudo in RUN; switch users with USER, and do not ship sudo in the image",
                  "N'utilisez pas sudo dans RUN ; changez d'utilisateur avec USER et n'incluez pas sudo dans l'image"),
                T("sudo in an image means a path from the application user back to root; in a build it hides which user runs what.",
                  "sudo dans une image ouvre un chemin de l'utilisateur de l'application vers root ; dans une construction, il masque quel utilisateur exécute quoi.")),
            Docker(
                RuleIds.WorldWritableOrSetuidMode, ContainerCategory, RuleSeverity.Warning, Sections("5.2"), 732,
                T("World-writable or setuid/setgid file mode",
                  "Mode de fichier modifiable par tous ou setuid/setgid"),
                T("Mode '{0}' makes files world-writable or setuid/setgid; grant the application user only what it needs",
                  "Le mode '{0}' rend des fichiers modifiables par tous ou setuid/setgid ; n'accordez à l'utilisateur de l'application que le nécessaire"),
                T("chmod 777, a+rwx, o+w or setuid/setgid bits let any process in the container change the application or escalate privileges.",
                  "chmod 777, a+rwx, o+w ou les bits setuid/setgid permettent à tout processus du conteneur de modifier l'application ou d'élever ses privilèges.")),
            Docker(
                RuleIds.RemoteAdministrationPortExposed, ContainerCategory, RuleSeverity.Warning, Sections("5.2"), 749,
                T("Remote administration port exposed",
                  "Port d'administration à distance exposé"),
                T("Port {0} ({1}) is exposed; containers are administered through the orchestrator ('kubectl exec'), not a remote shell",
                  "Le port {0} ({1}) est exposé ; les conteneurs s'administrent par l'orchestrateur (« kubectl exec »), pas par un shell distant"),
                T("An SSH, Telnet, RDP, WinRM or Docker-daemon endpoint inside an application container is an extra, usually unpatched, way in.",
                  "Un point d'accès SSH, Telnet, RDP, WinRM ou démon Docker dans un conteneur d'application est une porte d'entrée de plus, rarement à jour.")),
            Docker(
                RuleIds.PrivilegedPortForNonRootUser, ContainerCategory, RuleSeverity.Warning, Sections("5.2"), 250,
                T("Privileged port used by a non-root image",
                  "Port privilégié utilisé par une image non root"),
                T("Port {0} is privileged (below 1024) and the image runs as a non-root user; listen on 8080/8443 (the .NET 8+ default) instead",
                  "Le port {0} est privilégié (inférieur à 1024) et l'image s'exécute avec un utilisateur non root ; écoutez plutôt sur 8080/8443 (par défaut depuis .NET 8)"),
                T("A non-root process cannot bind ports below 1024 on most runtimes; the usual 'fix' is to go back to root. Use an unprivileged port and let the service map 80/443.",
                  "Un processus non root ne peut pas écouter sur les ports inférieurs à 1024 dans la plupart des environnements ; la « solution » habituelle est de revenir à root. Utilisez un port non privilégié et laissez le service exposer 80/443.")),
            Docker(
                RuleIds.BuildToolImageInFinalStage, ContainerCategory, RuleSeverity.Warning, Sections("4.2", "5.5"), 1164,
                T("Final image built from an SDK or build-tool image",
                  "Image finale construite à partir d'une image SDK ou d'outils de construction"),
                T("The final image is based on '{0}', a build-tool image; build in an earlier stage and copy the output into a runtime, aspnet or runtime-deps image",
                  "L'image finale repose sur '{0}', une image d'outils de construction ; construisez dans une étape antérieure et copiez le résultat dans une image runtime, aspnet ou runtime-deps"),
                T("SDK images carry compilers, package managers and sources: hundreds of MB of extra attack surface and vulnerabilities in production.",
                  "Les images SDK contiennent compilateurs, gestionnaires de paquets et sources : des centaines de Mo de surface d'attaque et de vulnérabilités supplémentaires en production.")),
            Docker(
                RuleIds.DevelopmentEnvironmentBakedIn, ContainerCategory, RuleSeverity.Warning, Sections("5.5"), 489,
                T("Development environment baked into the image",
                  "Environnement de développement intégré à l'image"),
                T("'{0}={1}' bakes development settings into the image (developer exception pages, user secrets); set the environment at deployment",
                  "'{0}={1}' intègre des réglages de développement à l'image (pages d'exception pour développeurs, secrets utilisateur) ; définissez l'environnement au déploiement"),
                T("An image is built once and promoted unchanged; environment-specific configuration belongs to the deployment, and Development turns on diagnostics that leak internals.",
                  "Une image est construite une fois et promue sans changement ; la configuration propre à un environnement relève du déploiement, et Development active des diagnostics qui divulguent des détails internes.")),
            Docker(
                RuleIds.ShellFormEntrypoint, ContainerCategory, RuleSeverity.Warning, Sections("5.5"), 404,
                T("Shell-form CMD or ENTRYPOINT",
                  "CMD ou ENTRYPOINT sous forme shell"),
                T("{0} uses the shell form; the application runs under '/bin/sh -c' and does not receive SIGTERM, so it cannot shut down gracefully; use the JSON form [\"…\"]",
                  "{0} utilise la forme shell ; l'application s'exécute sous « /bin/sh -c » et ne reçoit pas SIGTERM, elle ne peut donc pas s'arrêter proprement ; utilisez la forme JSON [\"…\"]"),
                T("Orchestrators stop containers with SIGTERM and kill them later; a shell in front of the process swallows the signal and in-flight requests are cut off.",
                  "Les orchestrateurs arrêtent les conteneurs par SIGTERM puis les tuent ; un shell devant le processus avale le signal et les requêtes en cours sont interrompues.")),
            Docker(
                RuleIds.OverriddenStageInstruction, ContainerCategory, RuleSeverity.Warning, Sections("5.5"), 561,
                T("CMD, ENTRYPOINT or HEALTHCHECK overridden in the same stage",
                  "CMD, ENTRYPOINT ou HEALTHCHECK remplacé dans la même étape"),
                T("This {0} has no effect: the {0} on line {1} replaces it",
                  "Ce {0} n'a aucun effet : le {0} de la ligne {1} le remplace"),
                T("Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts; an earlier one misleads the reader about how the container starts or is checked.",
                  "Seul le dernier CMD, ENTRYPOINT ou HEALTHCHECK d'une étape compte ; un précédent trompe le lecteur sur le démarrage ou la vérification du conteneur.")),
            Docker(
                RuleIds.MissingHealthcheck, ContainerCategory, RuleSeverity.Suggestion, Sections("5.7"), 754,
                T("No HEALTHCHECK in the final image",
                  "Aucun HEALTHCHECK dans l'image finale"),
                T("The final image has no HEALTHCHECK; add one, or 'HEALTHCHECK NONE' when the orchestrator's probes check the service",
                  "L'image finale n'a pas de HEALTHCHECK ; ajoutez-en un, ou « HEALTHCHECK NONE » si les sondes de l'orchestrateur vérifient le service"),
                T("Without a health check, a hung process looks healthy to Docker and Compose; under Kubernetes, liveness and readiness probes play this role, which is why this is a suggestion.",
                  "Sans vérification de santé, un processus bloqué paraît sain pour Docker et Compose ; sous Kubernetes, les sondes liveness et readiness jouent ce rôle, d'où une simple suggestion.")),
            Docker(
                RuleIds.RelativeWorkdir, ContainerCategory, RuleSeverity.Warning, Sections("4.2"), 427,
                T("Relative WORKDIR",
                  "WORKDIR relatif"),
                T("WORKDIR '{0}' is relative to whatever the base image set; use an absolute path",
                  "WORKDIR '{0}' est relatif à ce que l'image de base a défini ; utilisez un chemin absolu"),
                T("A relative WORKDIR depends on the base image's working directory, which can change with the next base image.",
                  "Un WORKDIR relatif dépend du répertoire de travail de l'image de base, qui peut changer avec la prochaine image de base.")),
            Docker(
                RuleIds.CdInRun, ContainerCategory, RuleSeverity.Suggestion, Sections("4.2"), 1164,
                T("cd used in RUN",
                  "cd utilisé dans RUN"),
                T("Use WORKDIR instead of 'cd' to change directory; it is explicit and applies to the following instructions",
                  "Utilisez WORKDIR plutôt que « cd » pour changer de répertoire ; c'est explicite et s'applique aux instructions suivantes"),
                T("'cd' inside RUN only lasts for that RUN, which makes the Dockerfile harder to review.",
                  "« cd » dans RUN ne vaut que pour ce RUN, ce qui rend le Dockerfile plus difficile à relire.")),
            Docker(
                RuleIds.ConsecutiveRunInstructions, ContainerCategory, RuleSeverity.Suggestion, Sections("4.2"), 1164,
                T("Consecutive RUN instructions",
                  "Instructions RUN consécutives"),
                T("This RUN follows another RUN; join them with '&&' so the image has one layer and cleanup happens in the layer that created the files",
                  "Ce RUN suit un autre RUN ; joignez-les avec « && » pour que l'image n'ait qu'une couche et que le nettoyage se fasse dans la couche qui a créé les fichiers"),
                T("Each RUN adds a layer; files deleted in a later layer still ship in the earlier one.",
                  "Chaque RUN ajoute une couche ; les fichiers supprimés dans une couche ultérieure restent livrés dans la précédente.")),
            Docker(
                RuleIds.MissingOciLabels, ContainerCategory, RuleSeverity.Suggestion, Sections("4.2"), 1059,
                T("OCI image labels missing",
                  "Étiquettes d'image OCI manquantes"),
                T("The final image has no {0} label; add LABEL {0}=… so scanners and registries can trace the image to its version and source",
                  "L'image finale n'a pas d'étiquette {0} ; ajoutez LABEL {0}=… pour que les analyseurs et registres relient l'image à sa version et à sa source"),
                T("org.opencontainers.image.version and org.opencontainers.image.source let a vulnerability report be traced back to the commit that produced the image.",
                  "org.opencontainers.image.version et org.opencontainers.image.source permettent de relier un rapport de vulnérabilité au commit qui a produit l'image.")),
            Docker(
                RuleIds.DeprecatedMaintainer, ContainerCategory, RuleSeverity.Suggestion, Sections("4.2"), 477,
                T("MAINTAINER is deprecated",
                  "MAINTAINER est obsolète"),
                T("MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=…",
                  "MAINTAINER est obsolète ; utilisez LABEL org.opencontainers.image.authors=…"),
                T("Docker deprecated MAINTAINER; the OCI authors label is read by registries and scanners.",
                  "Docker a rendu MAINTAINER obsolète ; l'étiquette OCI authors est lue par les registres et les analyseurs.")),
        });
    }
}
