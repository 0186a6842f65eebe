using Azure;
using Azure.Data.Tables;

namespace TeamsEngage.Storage.Azure;

/// <summary>Converts between <see cref="StoreEntity"/> and the SDK's <see cref="TableEntity"/>.</summary>
internal static class AzureEntityMapper
{
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag",
    };

    public static TableEntity ToTableEntity(StoreEntity entity)
    {
        var tableEntity = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity.Properties)
        {
            tableEntity[name] = value;
        }
        if (entity.ETag is not null)
        {
            tableEntity.ETag = new ETag(entity.ETag);
        }
        return tableEntity;
    }

    public static StoreEntity FromTableEntity(TableEntity tableEntity)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in tableEntity)
        {
            if (value is null || SystemProperties.Contains(name) || name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                continue;
            }
            properties[name] = FromServiceValue(value);
        }
        return new StoreEntity(tableEntity.PartitionKey, tableEntity.RowKey, properties, tableEntity.ETag.ToString(), tableEntity.Timestamp?.ToUniversalTime());
    }

    private static object FromServiceValue(object value) => value switch
    {
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        BinaryData b => b.ToArray(),
        _ => value,
    };
}
