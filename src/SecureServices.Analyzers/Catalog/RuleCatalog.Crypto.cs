using System.Collections.ObjectModel;

namespace SecureServices.Analyzers.Catalog
{
    internal static partial class RuleIds
    {
        public const string WeakHashAlgorithm = "SSA5001";
        public const string BrokenCipher = "SSA5002";
        public const string EcbMode = "SSA5003";
        public const string ShortRsaKey = "SSA5004";
        public const string WeakPasswordHashing = "SSA5005";
        public const string ConstantIvOrSalt = "SSA5006";
        public const string InsecureRandomForSecret = "SSA5007";
        public const string HomeMadeCryptography = "SSA5008";
    }

    // SSA5xxx — cryptography (§5.4 Crypto Libraries)
    internal static partial class RuleCatalog
    {
        public const string CryptographyCategory = "Security.Cryptography";

        private static readonly ReadOnlyCollection<RuleDefinition> CryptoRules = Table(new[]
        {
            CSharp(
                RuleIds.WeakHashAlgorithm, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 328,
                T("Broken hash algorithm (MD5 or SHA-1) used for security",
                  "Algorithme de hachage cassé (MD5 ou SHA-1) utilisé pour la sécurité"),
                T("'{0}' uses {1}, which is broken for security purposes; use SHA-256 or stronger",
                  "'{0}' utilise {1}, cassé pour tout usage de sécurité ; utilisez SHA-256 ou plus fort"),
                T("MD5 and SHA-1 (including HMACMD5 and HMACSHA1) have practical collision attacks. A hash that protects integrity, identifies content for a security decision or derives keys must use SHA-256 or stronger. Hashes whose result is plainly a cache key or an ETag, a name-based UUID (version 3 or 5) or an HTTP Content-MD5 header are not reported.",
                  "MD5 et SHA-1 (y compris HMACMD5 et HMACSHA1) subissent des attaques par collision praticables. Un hachage qui protège l'intégrité, identifie un contenu pour une décision de sécurité ou dérive des clés doit utiliser SHA-256 ou plus fort. Les hachages dont le résultat est clairement une clé de cache ou un ETag, un UUID basé sur un nom (version 3 ou 5) ou un en-tête HTTP Content-MD5 ne sont pas signalés.")),
            CSharp(
                RuleIds.BrokenCipher, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 327,
                T("Broken or obsolete cipher (DES, TripleDES, RC2)",
                  "Chiffrement cassé ou obsolète (DES, TripleDES, RC2)"),
                T("'{0}' creates a {1} cipher, which is broken or obsolete; use AesGcm (or AES-CBC with HMAC-SHA256)",
                  "'{0}' crée un chiffrement {1}, cassé ou obsolète ; utilisez AesGcm (ou AES-CBC avec HMAC-SHA256)"),
                T("DES has a 56-bit key that can be brute-forced, RC2 is broken, and TripleDES has a 64-bit block that leaks data after a few gigabytes (Sweet32) and is deprecated by NIST. Use authenticated encryption: AesGcm or ChaCha20Poly1305.",
                  "DES a une clé de 56 bits attaquable par force brute, RC2 est cassé et TripleDES a un bloc de 64 bits qui laisse fuir des données après quelques gigaoctets (Sweet32) et le NIST en a retiré l'usage. Utilisez un chiffrement authentifié : AesGcm ou ChaCha20Poly1305.")),
            CSharp(
                RuleIds.EcbMode, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 327,
                T("Block cipher used in ECB mode",
                  "Chiffrement par bloc utilisé en mode ECB"),
                T("'{0}' encrypts in ECB mode, which reveals patterns in the data; use AesGcm, or CBC with a random IV and an HMAC",
                  "'{0}' chiffre en mode ECB, qui révèle les motifs des données ; utilisez AesGcm, ou CBC avec un IV aléatoire et un HMAC"),
                T("ECB encrypts identical plaintext blocks to identical ciphertext blocks, so the structure of the data shows through the encryption and blocks can be reordered or replayed. Use an authenticated mode (AesGcm) instead.",
                  "ECB chiffre des blocs identiques en blocs chiffrés identiques : la structure des données transparaît et les blocs peuvent être réordonnés ou rejoués. Utilisez plutôt un mode authentifié (AesGcm).")),
            CSharp(
                RuleIds.ShortRsaKey, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 326,
                T("RSA key shorter than 2048 bits",
                  "Clé RSA de moins de 2048 bits"),
                T("RSA key of {0} bits is too short; use at least 2048 bits (3072 for keys used beyond 2030)",
                  "Une clé RSA de {0} bits est trop courte ; utilisez au moins 2048 bits (3072 pour les clés utilisées après 2030)"),
                T("RSA keys under 2048 bits can be factored with affordable resources; NIST and the Canadian Centre for Cyber Security require at least 2048 bits.",
                  "Les clés RSA de moins de 2048 bits peuvent être factorisées avec des moyens abordables ; le NIST et le Centre canadien pour la cybersécurité exigent au moins 2048 bits.")),
            CSharp(
                RuleIds.WeakPasswordHashing, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 916,
                T("Weak PBKDF2 parameters (too few iterations or SHA-1)",
                  "Paramètres PBKDF2 faibles (trop peu d'itérations ou SHA-1)"),
                T("PBKDF2 runs {0} iterations of HMAC-{1}; use at least {2} iterations with SHA-256 or stronger",
                  "PBKDF2 effectue {0} itérations de HMAC-{1} ; utilisez au moins {2} itérations avec SHA-256 ou plus fort"),
                T("Rfc2898DeriveBytes defaults to 1,000 iterations of HMAC-SHA1, which lets an attacker who steals the hashes test billions of passwords per day on a GPU. Use at least 100,000 iterations (OWASP recommends 600,000 for SHA-256) and an explicit HashAlgorithmName.SHA256 or stronger.",
                  "Rfc2898DeriveBytes utilise par défaut 1 000 itérations de HMAC-SHA1, ce qui permet à qui vole les empreintes d'essayer des milliards de mots de passe par jour sur un GPU. Utilisez au moins 100 000 itérations (l'OWASP recommande 600 000 pour SHA-256) et un HashAlgorithmName.SHA256 explicite ou plus fort.")),
            CSharp(
                RuleIds.ConstantIvOrSalt, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 329,
                T("Constant IV, nonce or salt",
                  "IV, nonce ou sel constant"),
                T("The value given as '{0}' is the same on every run; generate a fresh random value with RandomNumberGenerator each time and store it beside the result",
                  "La valeur passée comme '{0}' est la même à chaque exécution ; générez chaque fois une nouvelle valeur aléatoire avec RandomNumberGenerator et stockez-la avec le résultat"),
                T("An IV or nonce must never repeat under the same key (with AES-GCM a repeated nonce reveals the authentication key), and a salt must differ per password or identical passwords get identical hashes. An all-zero array, an array of constants or the bytes of a string literal are the same on every run.",
                  "Un IV ou un nonce ne doit jamais se répéter sous la même clé (avec AES-GCM, un nonce répété révèle la clé d'authentification) et un sel doit différer pour chaque mot de passe, sinon des mots de passe identiques ont la même empreinte. Un tableau de zéros, de constantes ou les octets d'une chaîne littérale sont identiques à chaque exécution.")),
            CSharp(
                RuleIds.InsecureRandomForSecret, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 338,
                T("System.Random used to produce a security value",
                  "System.Random utilisé pour produire une valeur de sécurité"),
                T("System.Random produces '{0}', a security value, but its output is predictable; use RandomNumberGenerator",
                  "System.Random produit '{0}', une valeur de sécurité, mais sa sortie est prévisible ; utilisez RandomNumberGenerator"),
                T("System.Random is not a cryptographic generator: its state can be recovered from a few outputs and a seeded instance repeats exactly. Tokens, keys, salts, nonces, passwords and one-time codes must come from RandomNumberGenerator. Random used for jitter, sampling or test data is not reported.",
                  "System.Random n'est pas un générateur cryptographique : son état se déduit de quelques sorties et une instance initialisée avec une graine se répète à l'identique. Jetons, clés, sels, nonces, mots de passe et codes à usage unique doivent venir de RandomNumberGenerator. Random utilisé pour de la gigue, de l'échantillonnage ou des données de test n'est pas signalé.")),
            CSharp(
                RuleIds.HomeMadeCryptography, CryptographyCategory, RuleSeverity.Warning, Sections("5.4"), 327,
                T("Home-made cryptography",
                  "Cryptographie maison"),
                T("'{0}' is home-made cryptography (built on {1}); use the algorithms in System.Security.Cryptography instead of writing your own crypto",
                  "'{0}' est de la cryptographie maison (fondée sur {1}) ; utilisez les algorithmes de System.Security.Cryptography au lieu d'écrire votre propre cryptographie"),
                T("Hand-written ciphers and hashes (a class deriving from SymmetricAlgorithm, AsymmetricAlgorithm or HashAlgorithm, or an XOR-with-key loop in an encrypt/decrypt/hash method) have not had the review that makes real algorithms trustworthy and are almost always breakable.",
                  "Les chiffrements et hachages écrits à la main (une classe dérivée de SymmetricAlgorithm, AsymmetricAlgorithm ou HashAlgorithm, ou une boucle XOR avec une clé dans une méthode de chiffrement, déchiffrement ou hachage) n'ont pas eu l'examen qui rend les vrais algorithmes fiables et sont presque toujours cassables.")),
        });
    }
}
