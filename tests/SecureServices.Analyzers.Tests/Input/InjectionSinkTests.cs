using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Input.InjectionAnalyzer>;

namespace SecureServices.Analyzers.Tests.Input;

public sealed class InjectionSinkTests
{
    [Fact]
    public Task Command_injection_is_reported() => V.AnalyzerAsync("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ToolsController : ControllerBase
        {
            public IActionResult Ping(string host, string tool)
            {
                Process.Start("ping", {|SSA4002:"-c 1 " + host|});
                Process.Start({|SSA4002:tool|});
                var info = new ProcessStartInfo { FileName = "/usr/bin/nslookup", Arguments = {|SSA4002:host|} };
                info.ArgumentList.Add({|SSA4002:host|});
                var shell = new ProcessStartInfo("/bin/sh", {|SSA4002:$"-c \"dig {host}\""|});
                return Ok();
            }
        }
        """);

    [Fact]
    public Task Command_with_constant_or_allow_listed_arguments_is_not_reported() => V.AnalyzerAsync("""
        using System.Diagnostics;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ToolsController : ControllerBase
        {
            public IActionResult Report(string format, int count)
            {
                Process.Start("/usr/bin/report", "--count " + count);
                if (format is "pdf" or "csv")
                {
                    Process.Start("/usr/bin/report", "--format " + format);
                }

                return Ok();
            }
        }
        """);

    [Fact]
    public Task Path_traversal_is_reported() => V.AnalyzerAsync("""
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class FilesController : ControllerBase
        {
            private const string Root = "/srv/files";

            public IActionResult Download(string name)
            {
                var path = Path.Combine(Root, name);
                var text = System.IO.File.ReadAllText({|SSA4003:path|});
                using var stream = new FileStream({|SSA4003:Root + "/" + name|}, FileMode.Open);
                return PhysicalFile({|SSA4003:path|}, "application/octet-stream");
            }

            public void Upload(IFormFile file)
            {
                using var target = System.IO.File.Create({|SSA4003:Path.Combine(Root, file.FileName)|});
            }
        }

        static class Endpoints
        {
            public static void Map(WebApplication app)
                => app.MapGet("/files/{name}", (string name) => Results.File({|SSA4003:"/srv/files/" + name|}));
        }
        """);

    [Fact]
    public Task Sanitised_paths_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.IO;
        using Microsoft.AspNetCore.Mvc;

        public sealed class FilesController : ControllerBase
        {
            private const string Root = "/srv/files/";

            public IActionResult ByFileName(string name)
            {
                var path = Path.Combine(Root, Path.GetFileName(name));
                return PhysicalFile(path, "application/octet-stream");
            }

            public IActionResult ByRootCheck(string name)
            {
                var full = Path.GetFullPath(Path.Combine(Root, name));
                if (!full.StartsWith(Root, StringComparison.Ordinal))
                {
                    return BadRequest();
                }

                return PhysicalFile(full, "application/octet-stream");
            }

            public IActionResult ById(Guid id) => PhysicalFile(Path.Combine(Root, id + ".pdf"), "application/pdf");
        }
        """);

    [Fact]
    public Task Ssrf_is_reported_when_input_can_choose_the_host() => V.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ProxyController : ControllerBase
        {
            private readonly HttpClient client = new();

            public async Task<IActionResult> Fetch(string url, string host)
            {
                var body = await client.GetStringAsync({|SSA4004:url|});
                var item = await client.GetFromJsonAsync<object>({|SSA4004:$"https://{host}/items"|});
                using var request = new HttpRequestMessage(HttpMethod.Get, {|SSA4004:new Uri(url)|});
                return Ok(body);
            }
        }
        """);

    [Fact]
    public Task Ssrf_with_a_fixed_host_or_encoded_segment_is_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ProxyController : ControllerBase
        {
            private readonly HttpClient client = new();

            public async Task<IActionResult> Fetch(string id, string region)
            {
                var a = await client.GetStringAsync($"https://catalog.internal/items/{id}");
                var b = await client.GetStringAsync("/items/" + id);
                var c = await client.GetStringAsync("https://catalog.internal/search?q=" + Uri.EscapeDataString(id));
                var d = region == "east" ? "https://east.internal" : "https://west.internal";
                var e = await client.GetStringAsync(d);
                return Ok(a + b + c + e);
            }

            private static readonly System.Collections.Generic.HashSet<string> AllowedHosts = new() { "images.internal" };

            public async Task<IActionResult> AllowListedHost(string url)
            {
                var uri = new Uri(url);
                if (!AllowedHosts.Contains(uri.Host))
                {
                    return BadRequest();
                }

                return Ok(await client.GetStringAsync(uri));
            }

            public async Task<IActionResult> CheckedElsewhere(string url, string other)
            {
                var uri = new Uri(url);
                if (!AllowedHosts.Contains(new Uri(other).Host))
                {
                    return BadRequest();
                }

                return Ok(await client.GetStringAsync({|SSA4004:uri|}));
            }
        }
        """);

    [Fact]
    public Task Open_redirect_is_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        public sealed class AccountController : Controller
        {
            public IActionResult Login(string returnUrl) => Redirect({|SSA4005:returnUrl|});

            public IActionResult Logout([FromQuery] string next) => new RedirectResult({|SSA4005:next|});

            public void Raw() => Response.Redirect({|SSA4005:Request.Query["to"]|});
        }

        static class Endpoints
        {
            public static void Map(WebApplication app)
                => app.MapGet("/go", (string to) => Results.Redirect({|SSA4005:to|}));
        }
        """);

    [Fact]
    public Task Redirect_checked_with_IsLocalUrl_or_local_is_not_reported() => V.AnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public sealed class AccountController : Controller
        {
            public IActionResult Login(string returnUrl)
            {
                if (Url.IsLocalUrl(returnUrl))
                {
                    return Redirect(returnUrl);
                }

                return Redirect("/");
            }

            public IActionResult Back(string returnUrl) => Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : LocalRedirect("/");

            public IActionResult Local(string returnUrl) => LocalRedirect(returnUrl);

            public IActionResult Order(string id) => Redirect("/orders/" + id);
        }
        """);

    [Fact]
    public Task Regex_from_input_without_timeout_is_reported() => V.AnalyzerAsync("""
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;

        public sealed class SearchController : ControllerBase
        {
            public IActionResult Find(string pattern, string text)
            {
                var regex = new Regex({|SSA4006:pattern|});
                var ignoreCase = new Regex({|SSA4006:pattern|}, RegexOptions.IgnoreCase);
                var found = Regex.IsMatch(text, {|SSA4006:pattern|});
                return Ok(found);
            }
        }
        """);

    [Fact]
    public Task Regex_with_timeout_escape_non_backtracking_or_constant_pattern_is_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;

        public sealed class SearchController : ControllerBase
        {
            public IActionResult Find(string pattern, string text)
            {
                var a = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                var b = new Regex(Regex.Escape(pattern));
                var c = new Regex(pattern, RegexOptions.NonBacktracking);
                var d = Regex.IsMatch(text, "^[a-z]+$");
                var e = Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
                return Ok(d && e);
            }
        }
        """);
}
