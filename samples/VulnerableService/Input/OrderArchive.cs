using System.Data.Common;
#pragma warning disable SYSLIB0011 // the sample shows what SSA4020 adds: projects often silence SYSLIB0011
using System.Runtime.Serialization.Formatters.Binary;
using Newtonsoft.Json;

namespace VulnerableService.Input;

/// <summary>Archive storage: SQL built from a parameter (SSA4010) and type-trusting deserializers (SSA4020, SSA4021).</summary>
public sealed class OrderArchive(DbDataSource database)
{
    private static readonly JsonSerializerSettings EnvelopeSettings = new() { TypeNameHandling = TypeNameHandling.All };

    public async Task<int> PurgeAsync(string region)
    {
        await using var command = database.CreateCommand();
        command.CommandText = $"DELETE FROM ArchivedOrders WHERE Region = '{region}'";
        return await command.ExecuteNonQueryAsync();
    }

    public object? Restore(Stream snapshot) => new BinaryFormatter().Deserialize(snapshot);

    public object? ReadEnvelope(string json) => JsonConvert.DeserializeObject(json, EnvelopeSettings);
}
