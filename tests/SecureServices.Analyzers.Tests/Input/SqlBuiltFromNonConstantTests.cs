using System.Threading.Tasks;
using Xunit;
using V = SecureServices.Analyzers.Tests.Infrastructure.Verify<SecureServices.Analyzers.Rules.Input.InjectionAnalyzer>;

namespace SecureServices.Analyzers.Tests.Input;

public sealed class SqlBuiltFromNonConstantTests
{
    [Fact]
    public Task Concatenation_interpolation_and_format_from_non_constant_strings_are_reported() => V.AnalyzerAsync("""
        using System.Linq;
        using Dapper;
        using Microsoft.Data.SqlClient;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrderRepository
        {
            public void Find(SqlConnection connection, ShopDb db, string customer, string table)
            {
                var sql = "SELECT * FROM Orders WHERE Customer = '" + customer + "'";
                connection.Query<Order>({|SSA4010:sql|});
                db.Orders.FromSqlRaw({|SSA4010:$"SELECT * FROM {table}"|}).ToList();
                using var command = new SqlCommand({|SSA4010:string.Format("DELETE FROM {0}", table)|}, connection);
            }
        }
        """ + SqlInjectionTests.Model);

    [Fact]
    public Task Constants_numbers_readonly_tables_and_parameters_are_not_reported() => V.AnalyzerAsync("""
        using System;
        using System.Linq;
        using Dapper;
        using Microsoft.Data.SqlClient;
        using Microsoft.EntityFrameworkCore;

        public sealed class OrderRepository
        {
            private const string Table = "Orders";
            private static readonly string Archive = "OrdersArchive";

            public void Find(SqlConnection connection, ShopDb db, int id, Guid key, bool archived, string sql, string customer)
            {
                var table = archived ? Archive : Table;
                connection.Query<Order>("SELECT * FROM " + table + " WHERE Id = " + id);
                connection.Query<Order>($"SELECT * FROM {Table} WHERE Key = '{key}'");
                connection.Query<Order>("SELECT * FROM Orders WHERE Customer = @customer", new { customer });
                connection.Query<Order>(sql);
                db.Orders.FromSqlRaw($"SELECT * FROM {nameof(Order)}s").ToList();
                db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Customer = {customer}").ToList();
            }
        }
        """ + SqlInjectionTests.Model);
}
