using System.Data.Common;
using System.Text.Json;

namespace SecureService.Input;

/// <summary>The fixed twin: a parameterised purge and System.Text.Json with a fixed contract.</summary>
public sealed class OrderArchive(DbDataSource database)
{
    public async Task<int> PurgeAsync(string region)
    {
        await using var command = database.CreateCommand("DELETE FROM ArchivedOrders WHERE Region = @region");
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@region";
        parameter.Value = region;
        command.Parameters.Add(parameter);
        return await command.ExecuteNonQueryAsync();
    }

    public ArchivedOrder? Restore(Stream snapshot) => JsonSerializer.Deserialize<ArchivedOrder>(snapshot);
}

public sealed record ArchivedOrder(int Id, string Region, decimal Total);
