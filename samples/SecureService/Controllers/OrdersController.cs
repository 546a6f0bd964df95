using Microsoft.AspNetCore.Mvc;

namespace SecureService.Controllers;

[ApiController]
[Route("api/[controller]")]
public sealed class OrdersController : ControllerBase
{
    [HttpGet("{id:int}")]
    public IActionResult Get(int id) => Ok(new { id, status = "shipped" });
}
