using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace SecureService.Input;

/// <summary>The fixed twin of VulnerableService's catalogue endpoints: parameters, allow-lists, checked paths.</summary>
[ApiController]
[Route("api/catalog")]
public sealed class CatalogController : ControllerBase
{
    private const string ExportRoot = "/srv/exports/";
    private static readonly HashSet<string> ThumbnailSizes = new(StringComparer.Ordinal) { "64x64", "128x128" };

    [HttpGet("search")]
    public async Task<IActionResult> Search([FromQuery] string customer, [FromServices] DbDataSource database)
    {
        await using var command = database.CreateCommand("SELECT Id, Total FROM Orders WHERE Customer = @customer");
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@customer";
        parameter.Value = customer;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        return Ok(reader.HasRows);
    }

    [HttpPost("thumbnails/{id:guid}")]
    public IActionResult Thumbnail(Guid id, string size)
    {
        if (!ThumbnailSizes.Contains(size))
        {
            return BadRequest();
        }

        var info = new System.Diagnostics.ProcessStartInfo("/usr/bin/convert");
        info.ArgumentList.Add("/srv/images/" + id + ".png");
        info.ArgumentList.Add("-resize");
        info.ArgumentList.Add(size);
        info.ArgumentList.Add("/tmp/thumb.png");
        System.Diagnostics.Process.Start(info);
        return Accepted();
    }

    [HttpGet("exports/{file}")]
    public IActionResult Export(string file)
    {
        var full = Path.GetFullPath(Path.Combine(ExportRoot, Path.GetFileName(file)));
        if (!full.StartsWith(ExportRoot, StringComparison.Ordinal))
        {
            return NotFound();
        }

        return PhysicalFile(full, "text/csv");
    }

    [HttpGet("preview/{imageId}")]
    public async Task<IActionResult> Preview(string imageId, [FromServices] IHttpClientFactory clients)
    {
        var bytes = await clients.CreateClient().GetByteArrayAsync($"https://images.internal/thumbnails/{Uri.EscapeDataString(imageId)}");
        return File(bytes, "image/png");
    }

    [HttpGet("continue")]
    public IActionResult Continue(string returnUrl) => Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : LocalRedirect("/");

    [HttpGet("filter")]
    public IActionResult Filter(string term)
    {
        var regex = new Regex(Regex.Escape(term), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return Ok(new[] { "A-100", "B-200" }.Where(code => regex.IsMatch(code)));
    }
}
