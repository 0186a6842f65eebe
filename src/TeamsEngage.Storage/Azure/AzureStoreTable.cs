using Azure;
using Azure.Data.Tables;
using TeamsEngage.Storage.Rules;

namespace TeamsEngage.Storage.Azure;

internal sealed class AzureStoreTable(TableClient client) : IStoreTable
{
    public string Name => client.Name;

    public async Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        var response = await CallAsync(partitionKey, rowKey, () => client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!response.HasValue)
        {
            ThrowIfMissingTable(response.GetRawResponse());
            return null;
        }
        return AzureEntityMapper.FromTableEntity(response.Value!);
    }

    public async Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
    {
        var normalized = EntityRules.Normalize(entity);
        var response = await CallAsync(normalized.PartitionKey, normalized.RowKey, () => client.AddEntityAsync(AzureEntityMapper.ToTableEntity(normalized), cancellationToken)).ConfigureAwait(false);
        return Written(normalized, response);
    }

    public async Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
    {
        var normalized = EntityRules.Normalize(entity);
        var response = await CallAsync(normalized.PartitionKey, normalized.RowKey, () => client.UpsertEntityAsync(AzureEntityMapper.ToTableEntity(normalized), TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
        return Written(normalized, response);
    }

    public async Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
    {
        var normalized = EntityRules.Normalize(entity);
        BatchRules.RequireETag(normalized.ETag);
        var response = await CallAsync(normalized.PartitionKey, normalized.RowKey, () => client.UpdateEntityAsync(AzureEntityMapper.ToTableEntity(normalized), new ETag(normalized.ETag!), TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
        return Written(normalized, response);
    }

    public async Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default)
    {
        EntityRules.ValidateKey(partitionKey, nameof(partitionKey));
        EntityRules.ValidateKey(rowKey, nameof(rowKey));
        var condition = eTag is null ? ETag.All : new ETag(eTag);
        var response = await CallAsync(partitionKey, rowKey, () => client.DeleteEntityAsync(partitionKey, rowKey, condition, cancellationToken)).ConfigureAwait(false);
        // The SDK reports a delete of a missing entity as success; the contract says it is not found.
        if (response.Status == 404)
        {
            ThrowIfMissingTable(response);
            throw new StoreNotFoundException($"Entity ({partitionKey}, {rowKey}) does not exist in {Name}.");
        }
    }

    public async Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
    {
        var validated = BatchRules.Validate(operations);
        if (validated.Count == 0)
        {
            return [];
        }
        Response<IReadOnlyList<Response>> response;
        try
        {
            response = await client.SubmitTransactionAsync(validated.Select(ToAction), cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex)
        {
            var index = Math.Clamp(ex.FailedTransactionActionIndex ?? 0, 0, validated.Count - 1);
            var entity = validated[index].Entity;
            if (AzureErrors.IsMissingTable(ex))
            {
                throw AzureErrors.MissingTable(Name, ex);
            }
            var cause = AzureErrors.Translate(ex, Name, entity.PartitionKey, entity.RowKey);
            if (cause is null)
            {
                throw;
            }
            throw new StoreBatchException($"Operation {index} ({validated[index].Kind}) of the batch failed; nothing was written.", index, cause);
        }
        catch (RequestFailedException ex) when (AzureErrors.IsMissingTable(ex))
        {
            throw AzureErrors.MissingTable(Name, ex);
        }

        var results = new List<StoreEntity?>(validated.Count);
        for (var i = 0; i < validated.Count; i++)
        {
            results.Add(validated[i].Kind == BatchOperationKind.Delete ? null : Written(validated[i].Entity, response.Value[i]));
        }
        return results;
    }

    public async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        QueryRules.Validate(partitionKey, pageSize);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        if (rowKeyFrom is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {rowKeyFrom}");
        }
        if (rowKeyTo is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {rowKeyTo}");
        }

        try
        {
            var pages = client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                return new StorePage(page.Values.Select(AzureEntityMapper.FromTableEntity).ToList(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }
            return new StorePage([], null);
        }
        catch (RequestFailedException ex) when (AzureErrors.IsMissingTable(ex))
        {
            throw AzureErrors.MissingTable(Name, ex);
        }
    }

    public async Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
    {
        QueryRules.Validate(pageSize);
        var filter = QueryRules.PrefixRange(partitionKeyPrefix) is { } range
            ? TableClient.CreateQueryFilter($"PartitionKey ge {range.From} and PartitionKey lt {range.To}")
            : null;
        try
        {
            var pages = client.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                return new StorePage(page.Values.Select(AzureEntityMapper.FromTableEntity).ToList(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }
            return new StorePage([], null);
        }
        catch (RequestFailedException ex) when (AzureErrors.IsMissingTable(ex))
        {
            throw AzureErrors.MissingTable(Name, ex);
        }
    }

    private static TableTransactionAction ToAction(BatchOperation operation)
    {
        var entity = operation.Entity;
        return operation.Kind switch
        {
            BatchOperationKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, AzureEntityMapper.ToTableEntity(entity)),
            BatchOperationKind.Upsert => new TableTransactionAction(TableTransactionActionType.UpsertReplace, AzureEntityMapper.ToTableEntity(entity)),
            BatchOperationKind.Update => new TableTransactionAction(TableTransactionActionType.UpdateReplace, AzureEntityMapper.ToTableEntity(entity), new ETag(entity.ETag!)),
            BatchOperationKind.Delete => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(entity.PartitionKey, entity.RowKey), entity.ETag is null ? ETag.All : new ETag(entity.ETag)),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown batch operation."),
        };
    }

    private static StoreEntity Written(StoreEntity entity, Response response) =>
        entity with { ETag = response.Headers.ETag?.ToString(), Timestamp = null };

    private void ThrowIfMissingTable(Response response)
    {
        if (AzureErrors.IsMissingTable(response))
        {
            throw AzureErrors.MissingTable(Name, null);
        }
    }

    private async Task<T> CallAsync<T>(string partitionKey, string rowKey, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (AzureErrors.IsMissingTable(ex))
        {
            throw AzureErrors.MissingTable(Name, ex);
        }
        catch (RequestFailedException ex) when (AzureErrors.Translate(ex, Name, partitionKey, rowKey) is { } typed)
        {
            throw typed;
        }
    }
}
