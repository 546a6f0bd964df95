#if NET10_0_OR_GREATER
using Microsoft.EntityFrameworkCore;

namespace VulnerableService.Diagnostics;

public sealed class OrdersDbContext : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // SSA6005: parameter values (customer data) in every environment's logs.
        optionsBuilder.EnableSensitiveDataLogging();
    }
}
#endif
