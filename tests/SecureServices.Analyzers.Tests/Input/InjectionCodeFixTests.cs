using System.Threading.Tasks;
using SecureServices.Analyzers.CodeFixes.Input;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Input.InjectionAnalyzer>;

namespace SecureServices.Analyzers.Tests.Input;

public sealed class InjectionCodeFixTests
{
    [Fact]
    public Task Raw_EF_Core_calls_with_interpolation_become_interpolated_apis() => V.CodeFixAsync<UseInterpolatedSqlCodeFix>("""
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrdersController : ControllerBase
        {
            public async Task<IActionResult> Search(string name, ShopDb db, CancellationToken ct)
            {
                var orders = db.Orders.FromSqlRaw({|SSA4001:$"SELECT * FROM Orders WHERE Name = {name}"|}).ToList();
                db.Database.ExecuteSqlRaw({|SSA4001:$"DELETE FROM Orders WHERE Name = {name}"|});
                await db.Database.ExecuteSqlRawAsync({|SSA4001:$"DELETE FROM Orders WHERE Name = {name}"|}, ct);
                var ids = db.Database.SqlQueryRaw<int>({|SSA4001:$"SELECT Id FROM Orders WHERE Name = {name}"|}).ToList();
                return Ok(orders);
            }
        }
        """ + SqlInjectionTests.Model, """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrdersController : ControllerBase
        {
            public async Task<IActionResult> Search(string name, ShopDb db, CancellationToken ct)
            {
                var orders = db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Name = {name}").ToList();
                db.Database.ExecuteSqlInterpolated($"DELETE FROM Orders WHERE Name = {name}");
                await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM Orders WHERE Name = {name}", ct);
                var ids = db.Database.SqlQuery<int>($"SELECT Id FROM Orders WHERE Name = {name}").ToList();
                return Ok(orders);
            }
        }
        """ + SqlInjectionTests.Model);

    [Fact]
    public Task Non_constant_interpolation_in_a_repository_is_fixed_too() => V.CodeFixAsync<UseInterpolatedSqlCodeFix>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrderRepository
        {
            public Order[] Find(ShopDb db, string customer)
                => db.Orders.FromSqlRaw({|SSA4010:$"SELECT * FROM Orders WHERE Customer = {customer}"|}).ToArray();
        }
        """ + SqlInjectionTests.Model, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrderRepository
        {
            public Order[] Find(ShopDb db, string customer)
                => db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Customer = {customer}").ToArray();
        }
        """ + SqlInjectionTests.Model);

    [Fact]
    public Task Regex_gets_a_timeout() => V.CodeFixAsync<AddRegexTimeoutCodeFix>("""
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;

        public sealed class SearchController : ControllerBase
        {
            public IActionResult Find(string pattern, string text)
            {
                var regex = new Regex({|SSA4006:pattern|});
                var ignoreCase = new Regex({|SSA4006:pattern|}, RegexOptions.IgnoreCase);
                return Ok(Regex.IsMatch(text, {|SSA4006:pattern|}));
            }
        }
        """, """
        using System;
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;

        public sealed class SearchController : ControllerBase
        {
            public IActionResult Find(string pattern, string text)
            {
                var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                var ignoreCase = new Regex(pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
                return Ok(Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
            }
        }
        """);

    [Fact]
    public Task Concatenated_raw_sql_gets_no_mechanical_fix() => V.CodeFixAsync<UseInterpolatedSqlCodeFix>("""
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrderRepository
        {
            public Order[] Find(ShopDb db, string customer)
                => db.Orders.FromSqlRaw({|SSA4010:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|}).ToArray();
        }
        """ + SqlInjectionTests.Model, """
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrderRepository
        {
            public Order[] Find(ShopDb db, string customer)
                => db.Orders.FromSqlRaw({|SSA4010:"SELECT * FROM Orders WHERE Customer = '" + customer + "'"|}).ToArray();
        }
        """ + SqlInjectionTests.Model);
}
