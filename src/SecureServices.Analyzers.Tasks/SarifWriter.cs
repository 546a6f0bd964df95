using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using SecureServices.Analyzers.Catalog;
using SecureServices.Dockerfile;

namespace SecureServices.Analyzers.Tasks
{
    /// <summary>
    /// Writes the Dockerfile findings as a SARIF 2.1.0 log (rule metadata, help links, exact regions), so they
    /// join the compiler's ErrorLog in code-scanning tools. Only the localized messages are written — they
    /// never hold a full secret — and no source snippet.
    /// </summary>
    internal sealed class SarifWriter
    {
        private readonly List<(string Path, Finding Finding, RuleDefinition Rule, RuleSeverity Severity, string Message)> results
            = new List<(string, Finding, RuleDefinition, RuleSeverity, string)>();

        public void Add(string path, Finding finding, RuleDefinition rule, RuleSeverity severity, string message)
            => results.Add((path, finding, rule, severity, message));

        public void Write(string file, CultureInfo culture)
        {
            var rules = new List<RuleDefinition>();
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in results)
            {
                if (!ruleIndex.ContainsKey(r.Rule.Id))
                {
                    ruleIndex[r.Rule.Id] = rules.Count;
                    rules.Add(r.Rule);
                }
            }

            var sb = new StringBuilder(4096);
            sb.Append("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n");
            sb.Append("      \"tool\": {\n        \"driver\": {\n");
            sb.Append("          \"name\": \"SecureServices.Analyzers\",\n");
            sb.Append("          \"informationUri\": ").Append(Json("https://github.com/secureservices/SecureServices.Analyzers")).Append(",\n");
            sb.Append("          \"version\": ").Append(Json(typeof(SarifWriter).Assembly.GetName().Version?.ToString() ?? "0.0.0")).Append(",\n");
            sb.Append("          \"language\": ").Append(Json(culture.Name.Length == 0 ? "en" : culture.Name)).Append(",\n");
            sb.Append("          \"rules\": [");
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                sb.Append(i == 0 ? "\n" : ",\n");
                sb.Append("            {\n");
                sb.Append("              \"id\": ").Append(Json(rule.Id)).Append(",\n");
                sb.Append("              \"shortDescription\": { \"text\": ").Append(Json(rule.Title.Get(culture))).Append(" },\n");
                sb.Append("              \"fullDescription\": { \"text\": ").Append(Json(rule.Description.Get(culture))).Append(" },\n");
                sb.Append("              \"helpUri\": ").Append(Json(rule.HelpLink)).Append(",\n");
                sb.Append("              \"defaultConfiguration\": { \"level\": ").Append(Json(Level(rule.DefaultSeverity))).Append(" },\n");
                sb.Append("              \"properties\": { \"category\": ").Append(Json(rule.Category));
                sb.Append(", \"tags\": [").Append(Json("security"));
                if (rule.Cwe > 0)
                {
                    sb.Append(", ").Append(Json("external/cwe/cwe-" + rule.Cwe.ToString(CultureInfo.InvariantCulture)));
                }

                foreach (var section in rule.Guidance)
                {
                    sb.Append(", ").Append(Json("guidance/" + section));
                }

                sb.Append("] }\n            }");
            }

            sb.Append(rules.Count == 0 ? "]\n" : "\n          ]\n");
            sb.Append("        }\n      },\n");
            sb.Append("      \"results\": [");
            for (var i = 0; i < results.Count; i++)
            {
                var (path, finding, rule, severity, message) = results[i];
                var s = finding.Span;
                sb.Append(i == 0 ? "\n" : ",\n");
                sb.Append("        {\n");
                sb.Append("          \"ruleId\": ").Append(Json(rule.Id)).Append(",\n");
                sb.Append("          \"ruleIndex\": ").Append(ruleIndex[rule.Id].ToString(CultureInfo.InvariantCulture)).Append(",\n");
                sb.Append("          \"level\": ").Append(Json(Level(severity))).Append(",\n");
                sb.Append("          \"message\": { \"text\": ").Append(Json(message)).Append(" },\n");
                sb.Append("          \"locations\": [ { \"physicalLocation\": { \"artifactLocation\": { \"uri\": ").Append(Json(new Uri(path).AbsoluteUri)).Append(" }, ");
                sb.Append("\"region\": { \"startLine\": ").Append(s.StartLine.ToString(CultureInfo.InvariantCulture))
                  .Append(", \"startColumn\": ").Append(s.StartColumn.ToString(CultureInfo.InvariantCulture))
                  .Append(", \"endLine\": ").Append(s.EndLine.ToString(CultureInfo.InvariantCulture))
                  .Append(", \"endColumn\": ").Append(s.EndColumn.ToString(CultureInfo.InvariantCulture)).Append(" } } } ]\n");
                sb.Append("        }");
            }

            sb.Append(results.Count == 0 ? "]\n" : "\n      ]\n");
            sb.Append("    }\n  ]\n}\n");

            var full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, sb.ToString(), new UTF8Encoding(false));
        }

        private static string Level(RuleSeverity severity)
        {
            switch (severity)
            {
                case RuleSeverity.Error: return "error";
                case RuleSeverity.Warning: return "warning";
                case RuleSeverity.Suggestion: return "note";
                default: return "none";
            }
        }

        internal static string Json(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }
    }
}
