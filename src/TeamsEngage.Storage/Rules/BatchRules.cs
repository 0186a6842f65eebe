namespace TeamsEngage.Storage.Rules;

/// <summary>The batch limits of Azure Tables, checked before anything is sent (Azurite and SQLite would not refuse all of them).</summary>
internal static class BatchRules
{
    public const int MaxOperations = 100;

    /// <summary>Validates a batch and returns its operations with normalized entities.</summary>
    public static IReadOnlyList<BatchOperation> Validate(IReadOnlyList<BatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count > MaxOperations)
        {
            throw new ArgumentException($"A batch is limited to {MaxOperations} operations; this one has {operations.Count}.", nameof(operations));
        }

        var normalized = new List<BatchOperation>(operations.Count);
        var rows = new HashSet<string>(StringComparer.Ordinal);
        string? partitionKey = null;
        foreach (var operation in operations)
        {
            ArgumentNullException.ThrowIfNull(operation);
            var entity = operation.Kind == BatchOperationKind.Delete ? ValidateDelete(operation.Entity) : EntityRules.Normalize(operation.Entity);
            if (operation.Kind == BatchOperationKind.Update)
            {
                RequireETag(entity.ETag);
            }
            partitionKey ??= entity.PartitionKey;
            if (!string.Equals(partitionKey, entity.PartitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every operation of a batch must target the same partition.", nameof(operations));
            }
            if (!rows.Add(entity.RowKey))
            {
                throw new ArgumentException($"A batch may touch a row only once; row '{entity.RowKey}' appears twice.", nameof(operations));
            }
            normalized.Add(operation with { Entity = entity });
        }
        return normalized;
    }

    public static void RequireETag(string? eTag)
    {
        if (string.IsNullOrEmpty(eTag))
        {
            throw new ArgumentException("An update needs the ETag read with the entity.", nameof(eTag));
        }
    }

    private static StoreEntity ValidateDelete(StoreEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        EntityRules.ValidateKey(entity.PartitionKey, nameof(entity.PartitionKey));
        EntityRules.ValidateKey(entity.RowKey, nameof(entity.RowKey));
        return entity;
    }
}
