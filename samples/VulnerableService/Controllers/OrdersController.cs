using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace VulnerableService.Controllers;

[ApiController]
[Route("api/[controller]")]
public sealed class OrdersController : ControllerBase
{
    private const string SmtpPassword = "mail-relay-2024";

    [HttpGet("{id:int}")]
    public IActionResult Get(int id) => Ok(new { id, notifier = SmtpPassword.Length > 0 });

    // Anyone can cancel any order: AllowAnonymous on a DELETE (SSA3002).
    [HttpDelete("{id:int}")]
    [AllowAnonymous]
    public IActionResult Cancel(int id) => NoContent();
}
