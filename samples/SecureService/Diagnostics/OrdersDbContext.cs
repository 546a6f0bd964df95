#if NET10_0_OR_GREATER
using Microsoft.EntityFrameworkCore;

namespace SecureService.Diagnostics;

public sealed class OrdersDbContext : DbContext
{
    private readonly IHostEnvironment environment;

    public OrdersDbContext(IHostEnvironment environment) => this.environment = environment;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.EnableSensitiveDataLogging(environment.IsDevelopment());
    }
}
#endif
