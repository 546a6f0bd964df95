using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SecureServices.Analyzers.Tests.Robustness;

/// <summary>
/// Inputs that break naive analyzers: huge literals, deep nesting, huge interpolations, invalid UTF-16 and
/// thousands of endpoints in one file. Each takes a size so the benchmark's scaling mode can compare two
/// sizes (time must grow linearly); the tests use one size and assert no exception. Shared by the tests and
/// the benchmarks (linked source).
/// </summary>
internal static class HostileInputs
{
    /// <summary>(name, size used by the tests, generator).</summary>
    public static IReadOnlyList<(string Name, int TestSize, Func<int, string> Generate)> All { get; } = new (string, int, Func<int, string>)[]
    {
        ("long-literal", 1024 * 1024, LongLiteral),
        ("deep-nesting", 400, DeepNesting),
        ("long-concatenation", 4000, LongConcatenation),
        ("huge-interpolation", 4000, HugeInterpolation),
        ("invalid-utf16", 2000, InvalidUtf16),
        ("many-endpoints", 3000, ManyEndpoints),
        ("many-endpoint-locals", 1500, ManyEndpointLocals),
        ("many-secret-like-literals", 4000, ManySecretLikeLiterals),
    };

    /// <summary>A literal of <paramref name="chars"/> characters, assigned to a password-named variable and logged.</summary>
    public static string LongLiteral(int chars)
    {
        var body = new StringBuilder(chars);
        const string alphabet = "Zq8#mW2!xR5$kP9@vL3%";
        for (var i = 0; i < chars; i++)
        {
            body.Append(alphabet[i % alphabet.Length]);
        }

        return $$"""
            public sealed class LongLiteral
            {
                private const string Blob = "{{body}}";

                public static string Run(ILogger logger)
                {
                    var password = "{{body}}";
                    logger.LogInformation("{{body.ToString(0, Math.Min(chars, 4096))}} {Value}", password);
                    return Blob + password;
                }
            }
            """;
    }

    /// <summary>Parenthesised and lambda nesting <paramref name="depth"/> levels deep.</summary>
    public static string DeepNesting(int depth)
    {
        var sb = new StringBuilder("public sealed class DeepNesting\n{\n    public static int Run(int x)\n    {\n        var password = ");
        sb.Append('(', depth).Append("\"p\"").Append(')', depth).Append(";\n        Func<int, int> f = ");
        for (var i = 0; i < depth; i++)
        {
            sb.Append("a").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" => ");
        }

        sb.Append("0;\n        ");
        for (var i = 0; i < depth; i++)
        {
            sb.Append("if (x > ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(") { ");
        }

        sb.Append("x++; ").Append('}', depth).Append("\n        return x + password.Length;\n    }\n}\n");
        return sb.ToString();
    }

    /// <summary>A string built with <paramref name="terms"/> '+' operands (a left-deep binary tree), used as SQL and as a secret.</summary>
    public static string LongConcatenation(int terms)
    {
        var sb = new StringBuilder("public sealed class LongConcatenation\n{\n    public static string Run(string name)\n    {\n        var query = \"SELECT * FROM T WHERE \"");
        for (var i = 0; i < terms; i++)
        {
            sb.Append(" + \"c").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" = '\" + name + \"' OR \"");
        }

        sb.Append(";\n        using var command = new Microsoft.Data.SqlClient.SqlCommand(query);\n        var password = \"a\"");
        for (var i = 0; i < terms; i++)
        {
            sb.Append(" + \"b\"");
        }

        sb.Append(";\n        return query + password + command.CommandText;\n    }\n}\n");
        return sb.ToString();
    }

    /// <summary>An interpolated string with <paramref name="holes"/> holes, logged and given to SQL.</summary>
    public static string HugeInterpolation(int holes)
    {
        var sb = new StringBuilder("public sealed class HugeInterpolation\n{\n    public static void Run(ILogger logger, Microsoft.Data.SqlClient.SqlConnection connection, string token, int id)\n    {\n        var text = $\"");
        for (var i = 0; i < holes; i++)
        {
            sb.Append("k").Append(i.ToString(CultureInfo.InvariantCulture)).Append("={token}{id}&");
        }

        sb.Append("\";\n        logger.LogInformation(text);\n        using var command = new Microsoft.Data.SqlClient.SqlCommand($\"SELECT * FROM T WHERE A = '{text}'\", connection);\n    }\n}\n");
        return sb.ToString();
    }

    /// <summary><paramref name="count"/> literals holding lone surrogates, both as escapes and as raw (invalid UTF-16) characters.</summary>
    public static string InvalidUtf16(int count)
    {
        var sb = new StringBuilder("public sealed class InvalidUtf16\n{\n    public static string[] Values = new string[]\n    {\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append("        \"\\uD800").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\\uDFFF\", \"").Append('\uD83D').Append("x").Append('\uDC00').Append('\uDC00').Append("\",\n");
        }

        sb.Append("    };\n\n    public static string password = \"\uD800p\uDFFF\uDFFFw\uD800\";\n    public string Secret { get; } = \"\\uDBFF\\uDBFF\";\n}\n");
        return sb.ToString();
    }

    /// <summary><paramref name="count"/> minimal-API endpoints in one method, mixing anonymous, authorised and SQL-using handlers.</summary>
    public static string ManyEndpoints(int count)
    {
        var sb = new StringBuilder("public static class ManyEndpoints\n{\n    public static void Map(WebApplication app, Microsoft.Data.SqlClient.SqlConnection connection)\n    {\n");
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            switch (i % 4)
            {
                case 0:
                    sb.Append("        app.MapGet(\"/items").Append(n).Append("/{id:int}\", (int id) => Results.Ok(id)).RequireAuthorization();\n");
                    break;
                case 1:
                    sb.Append("        app.MapPost(\"/items").Append(n).Append("\", (string name) => new Microsoft.Data.SqlClient.SqlCommand(\"SELECT 1 WHERE N = '\" + name + \"'\", connection).ExecuteScalar()).AllowAnonymous();\n");
                    break;
                case 2:
                    sb.Append("        app.MapDelete(\"/items").Append(n).Append("/{id:int}\", (int id, ILogger<WebApplication> log) => { log.LogInformation(\"deleted {Id}\", id); return Results.NoContent(); });\n");
                    break;
                default:
                    sb.Append("        app.MapPut(\"/items").Append(n).Append("\", (HttpContext context) => { var password = \"pw").Append(n).Append("-Secret!\"; return Results.Ok(password.Length); });\n");
                    break;
            }
        }

        sb.Append("    }\n}\n");
        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="count"/> groups and endpoints held in locals and configured later, in one method: the
    /// authorization model follows each local to its uses, which must not rescan the method per local.
    /// </summary>
    public static string ManyEndpointLocals(int count)
    {
        var sb = new StringBuilder("public static class ManyEndpointLocals\n{\n    public static void Map(WebApplication app)\n    {\n");
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append("        var g").Append(n).Append(" = app.MapGroup(\"/g").Append(n).Append("\");\n");
            sb.Append("        var e").Append(n).Append(" = g").Append(n).Append(".MapPost(\"/items\", (string name) => Results.Ok(name));\n");
            sb.Append(i % 2 == 0 ? "        e" : "        g").Append(n).Append(i % 2 == 0 ? ".AllowAnonymous();\n" : ".RequireAuthorization();\n");
        }

        sb.Append("    }\n}\n");
        return sb.ToString();
    }

    /// <summary><paramref name="count"/> assignments of secret-looking and token-looking literals to secret-looking names.</summary>
    public static string ManySecretLikeLiterals(int count)
    {
        var sb = new StringBuilder("public sealed class ManySecrets\n{\n");
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sb.Append("    public string Service").Append(n).Append("Password { get; set; } = \"Xk9#mQ2").Append(n).Append("vL7!pR\";\n");
            sb.Append("    public const string Service").Append(n).Append("ApiKey = \"AKIA").Append((1000000000000000L + i).ToString(CultureInfo.InvariantCulture)).Append("\";\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }
}
