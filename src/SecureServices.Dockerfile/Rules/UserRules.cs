using System;
using System.Collections.Generic;
using SecureServices.Dockerfile.Parsing;
using Ids = SecureServices.Analyzers.Catalog.RuleIds;

namespace SecureServices.Dockerfile.Rules
{
    /// <summary>Who the final image runs as: the last USER of the final stage chain, or what the base image is known to use.</summary>
    internal static class FinalUser
    {
        public enum Kind
        {
            /// <summary>A non-root user (explicit USER or a non-root base image).</summary>
            NonRoot,

            /// <summary>USER root / 0, or no USER over a base image that runs as root.</summary>
            Root,

            /// <summary>USER with a variable that has no known value: not judged.</summary>
            Unknown,
        }

        public static Kind Get(DockerfileRuleContext context, out Instruction? lastUser, out string user)
        {
            lastUser = null;
            user = "root";
            var chain = context.FinalImageChain();
            for (var s = chain.Count - 1; s >= 0 && lastUser == null; s--)
            {
                var instructions = chain[s].Instructions;
                for (var i = instructions.Count - 1; i >= 0; i--)
                {
                    if (instructions[i].Keyword == "USER" && instructions[i].Arguments.Count > 0)
                    {
                        lastUser = instructions[i];
                        break;
                    }
                }
            }

            if (lastUser == null)
            {
                return chain.Count > 0 && chain[0].IsImageResolved && IsNonRootImage(chain[0].Image) ? Kind.NonRoot : Kind.Root;
            }

            var written = lastUser.Arguments[0].Text;
            user = written;
            // .NET 8+ images define APP_UID (1654) and the 'app' user.
            if (written == "$APP_UID" || written == "${APP_UID}" || written.StartsWith("$APP_UID:", StringComparison.Ordinal) || written.StartsWith("${APP_UID}:", StringComparison.Ordinal))
            {
                return Kind.NonRoot;
            }

            var value = context.Resolve(lastUser, written, out var resolved);
            if (!resolved)
            {
                return Kind.Unknown;
            }

            user = value;
            var colon = value.IndexOf(':');
            var name = (colon >= 0 ? value.Substring(0, colon) : value).Trim();
            return name == "root" || name == "0" || name.Length == 0 ? Kind.Root : Kind.NonRoot;
        }

        /// <summary>Images documented to run as a non-root user by default: .NET chiseled images and distroless nonroot tags.</summary>
        public static bool IsNonRootImage(string reference)
        {
            var image = ImageReference.Parse(reference);
            var tag = image.Tag ?? string.Empty;
            if (tag.IndexOf("chiseled", StringComparison.OrdinalIgnoreCase) >= 0 && image.Repository.StartsWith("dotnet/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return tag.Equals("nonroot", StringComparison.OrdinalIgnoreCase)
                || tag.EndsWith("-nonroot", StringComparison.OrdinalIgnoreCase)
                || tag.EndsWith(":nonroot", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>SSA7004: the final image runs as root (build stages are never reported).</summary>
    public sealed class FinalStageRootRule : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.FinalStageRunsAsRoot);

        public override void Analyze(DockerfileRuleContext context)
        {
            var final = context.Document.FinalStage;
            if (final == null || IsWindows(context, final))
            {
                return;
            }

            var kind = FinalUser.Get(context, out var lastUser, out var user);
            if (kind != FinalUser.Kind.Root)
            {
                return;
            }

            if (lastUser != null)
            {
                context.Report(Ids.FinalStageRunsAsRoot, lastUser.ArgumentSpan, DockerfileParser.Truncate(user));
            }
            else
            {
                var from = final.From;
                context.Report(Ids.FinalStageRunsAsRoot, new SourceSpan(from.Span.StartLine, from.Span.StartColumn, from.ArgumentSpan.EndLine, from.ArgumentSpan.EndColumn), "root");
            }
        }

        /// <summary>
        /// Windows images have no root user (ContainerUser is the default on nanoserver): .NET Framework images,
        /// nanoserver/servercore/windows images and tags, or a cmd/Windows PowerShell SHELL in the final image.
        /// </summary>
        internal static bool IsWindows(DockerfileRuleContext context, BuildStage stage)
        {
            var chain = new List<BuildStage>(2);
            var stages = context.Document.Stages;
            for (var s = stage.Index; s >= 0 && chain.Count <= stages.Count; s = stages[s].BaseStageIndex)
            {
                chain.Insert(0, stages[s]);
            }

            var image = chain[0].Image;
            if (image.IndexOf("nanoserver", StringComparison.OrdinalIgnoreCase) >= 0
                || image.IndexOf("servercore", StringComparison.OrdinalIgnoreCase) >= 0
                || image.IndexOf("windows", StringComparison.OrdinalIgnoreCase) >= 0
                || image.IndexOf("dotnet/framework/", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            foreach (var link in chain)
            {
                foreach (var instruction in link.Instructions)
                {
                    if (instruction.Keyword == "SHELL" && instruction.ExecArguments is { Count: > 0 } shell)
                    {
                        var exe = shell[0].ToLowerInvariant();
                        if (exe == "cmd" || exe.EndsWith("cmd.exe", StringComparison.Ordinal) || exe == "powershell" || exe.EndsWith("powershell.exe", StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }

    /// <summary>SSA7017 (remote administration ports) and SSA7018 (privileged ports under a non-root user).</summary>
    public sealed class PortRules : DockerfileRule
    {
        public override IReadOnlyList<string> RuleIds { get; } = ReadOnlyTable.Of(Ids.RemoteAdministrationPortExposed, Ids.PrivilegedPortForNonRootUser);

        public override void Analyze(DockerfileRuleContext context)
        {
            // Remote administration ports, in any stage.
            foreach (var instruction in context.Document.InstructionList)
            {
                if (instruction.Keyword != "EXPOSE")
                {
                    continue;
                }

                foreach (var token in instruction.Arguments)
                {
                    if (TryPort(context, instruction, token.Text, out var port, out _) && RemoteAdministrationService(port) is { } service)
                    {
                        context.Report(Ids.RemoteAdministrationPortExposed, token.Span, port.ToString(System.Globalization.CultureInfo.InvariantCulture), service);
                    }
                }
            }

            var final = context.Document.FinalStage;
            if (final == null || FinalUser.Get(context, out _, out _) != FinalUser.Kind.NonRoot)
            {
                return;
            }

            foreach (var stage in context.FinalImageChain())
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Keyword == "EXPOSE")
                    {
                        foreach (var token in instruction.Arguments)
                        {
                            if (TryPort(context, instruction, token.Text, out var port, out var end) && port > 0 && port < 1024 && RemoteAdministrationService(port) == null && end == port)
                            {
                                context.Report(Ids.PrivilegedPortForNonRootUser, token.Span, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            }
                        }
                    }
                    else if (instruction.Keyword == "ENV")
                    {
                        foreach (var kv in instruction.KeyValues)
                        {
                            var value = context.Resolve(instruction, kv.WrittenValue ?? string.Empty, out _);
                            foreach (var port in ListenPorts(kv.Name, value))
                            {
                                if (port > 0 && port < 1024)
                                {
                                    context.Report(Ids.PrivilegedPortForNonRootUser, kv.ValueSpan, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }

        private static string? RemoteAdministrationService(int port)
        {
            switch (port)
            {
                case 22: return "SSH";
                case 23: return "Telnet";
                case 2375: return "Docker API";
                case 3389: return "RDP";
                case 5985:
                case 5986: return "WinRM";
                default: return null;
            }
        }

        /// <summary><c>80</c>, <c>80/tcp</c>, <c>8000-8010</c> (start and end), after variable substitution.</summary>
        private static bool TryPort(DockerfileRuleContext context, Instruction at, string text, out int port, out int end)
        {
            end = 0;
            var value = context.Resolve(at, text, out var resolved);
            var slash = value.IndexOf('/');
            if (slash >= 0)
            {
                value = value.Substring(0, slash);
            }

            var dash = value.IndexOf('-');
            var first = dash >= 0 ? value.Substring(0, dash) : value;
            if (!resolved || !int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port))
            {
                port = 0;
                return false;
            }

            end = dash >= 0 && int.TryParse(value.Substring(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var e) ? e : port;
            return true;
        }

        /// <summary>Ports ASP.NET Core listens on because of ASPNETCORE_URLS / DOTNET_URLS / ASPNETCORE_HTTP(S)_PORTS.</summary>
        private static IEnumerable<int> ListenPorts(string name, string value)
        {
            var upper = name.ToUpperInvariant();
            if (upper == "ASPNETCORE_HTTP_PORTS" || upper == "ASPNETCORE_HTTPS_PORTS" || upper == "DOTNET_HTTP_PORTS" || upper == "DOTNET_HTTPS_PORTS")
            {
                foreach (var part in value.Split(';', ','))
                {
                    if (int.TryParse(part.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p))
                    {
                        yield return p;
                    }
                }
            }
            else if (upper == "ASPNETCORE_URLS" || upper == "DOTNET_URLS" || upper == "URLS")
            {
                foreach (var url in value.Split(';'))
                {
                    var u = url.Trim();
                    var scheme = u.IndexOf("://", StringComparison.Ordinal);
                    if (scheme < 0)
                    {
                        continue;
                    }

                    var hostEnd = u.IndexOf('/', scheme + 3);
                    var authority = hostEnd < 0 ? u.Substring(scheme + 3) : u.Substring(scheme + 3, hostEnd - scheme - 3);
                    var colon = authority.LastIndexOf(':');
                    if (colon >= 0 && int.TryParse(authority.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p))
                    {
                        yield return p;
                    }
                    else if (colon < 0 || authority.EndsWith("]", StringComparison.Ordinal))
                    {
                        yield return u.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
                    }
                }
            }
        }
    }
}
