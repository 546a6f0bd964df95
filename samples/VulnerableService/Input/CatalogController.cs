using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace VulnerableService.Input;

/// <summary>Order catalogue endpoints that trust their input (SSA4001–SSA4006).</summary>
[ApiController]
[Route("api/catalog")]
public sealed class CatalogController : ControllerBase
{
    private const string ExportRoot = "/srv/exports";

    [HttpGet("search")]
    public async Task<IActionResult> Search([FromQuery] string customer, [FromServices] DbDataSource database)
    {
        // SSA4001: the customer name becomes part of the SQL text.
        await using var command = database.CreateCommand("SELECT Id, Total FROM Orders WHERE Customer = '" + customer + "'");
        await using var reader = await command.ExecuteReaderAsync();
        return Ok(reader.HasRows);
    }

    [HttpPost("thumbnails/{name}")]
    public IActionResult Thumbnail(string name)
    {
        // SSA4002: the file name is pasted into a shell command.
        Process.Start("/bin/sh", $"-c \"convert /srv/images/{name} -resize 64x64 /tmp/thumb.png\"");
        return Accepted();
    }

    [HttpGet("exports/{file}")]
    public IActionResult Export(string file)
        // SSA4003: "../../var/run/secrets/..." escapes the export folder.
        => PhysicalFile(Path.Combine(ExportRoot, file), "text/csv");

    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string imageUrl, [FromServices] IHttpClientFactory clients)
    {
        // SSA4004: the caller chooses which host the service calls.
        var bytes = await clients.CreateClient().GetByteArrayAsync(imageUrl);
        return File(bytes, "image/png");
    }

    [HttpGet("continue")]
    public IActionResult Continue(string returnUrl)
        // SSA4005: any absolute URL is accepted.
        => Redirect(returnUrl);

    [HttpGet("filter")]
    public IActionResult Filter(string pattern)
    {
        // SSA4006: a crafted pattern backtracks for minutes.
        var regex = new Regex(pattern);
        return Ok(new[] { "A-100", "B-200" }.Where(code => regex.IsMatch(code)));
    }
}
