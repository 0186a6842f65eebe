using Microsoft.Data.Sqlite;
using TeamsEngage.Storage.Rules;

namespace TeamsEngage.Storage.Sqlite;

internal sealed class SqliteStoreTable(SqliteTableStore store, string name) : IStoreTable
{
    public string Name { get; } = name;

    public Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return ReadAsync(connection => SqliteRows.GetAsync(connection, Name, partitionKey, rowKey, cancellationToken), cancellationToken);
    }

    public Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
        WriteOneAsync(BatchOperationKind.Insert, EntityRules.Normalize(entity), cancellationToken);

    public Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default) =>
        WriteOneAsync(BatchOperationKind.Upsert, EntityRules.Normalize(entity), cancellationToken);

    public Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
    {
        var normalized = EntityRules.Normalize(entity);
        BatchRules.RequireETag(normalized.ETag);
        return WriteOneAsync(BatchOperationKind.Update, normalized, cancellationToken);
    }

    public Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default)
    {
        EntityRules.ValidateKey(partitionKey, nameof(partitionKey));
        EntityRules.ValidateKey(rowKey, nameof(rowKey));
        return WriteAsync<object?>(
            async (connection, transaction) =>
            {
                await SqliteRows.DeleteAsync(connection, transaction, Name, partitionKey, rowKey, eTag, cancellationToken).ConfigureAwait(false);
                return null;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
    {
        var validated = BatchRules.Validate(operations);
        if (validated.Count == 0)
        {
            return [];
        }
        return await WriteAsync<IReadOnlyList<StoreEntity?>>(
            async (connection, transaction) =>
            {
                var results = new List<StoreEntity?>(validated.Count);
                for (var index = 0; index < validated.Count; index++)
                {
                    try
                    {
                        results.Add(await ApplyAsync(connection, transaction, validated[index], cancellationToken).ConfigureAwait(false));
                    }
                    catch (StoreException ex)
                    {
                        throw new StoreBatchException($"Operation {index} ({validated[index].Kind}) of the batch failed; nothing was written.", index, ex);
                    }
                }
                return results;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        QueryRules.Validate(partitionKey, pageSize);
        var after = RowKeyToken.Decode(continuationToken);
        // One row more than the page tells whether another page follows, so the last page carries no token.
        var rows = await ReadAsync(
            connection => SqliteRows.QueryAsync(connection, Name, partitionKey, rowKeyFrom, rowKeyTo, after, pageSize + 1, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (rows.Count <= pageSize)
        {
            return new StorePage(rows, null);
        }
        rows.RemoveAt(pageSize);
        return new StorePage(rows, RowKeyToken.Encode(rows[^1].RowKey));
    }

    public async Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
    {
        QueryRules.Validate(pageSize);
        var range = QueryRules.PrefixRange(partitionKeyPrefix);
        var after = ScanToken.Decode(continuationToken);
        var rows = await ReadAsync(
            connection => SqliteRows.ScanAsync(connection, Name, range, after, pageSize + 1, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (rows.Count <= pageSize)
        {
            return new StorePage(rows, null);
        }
        rows.RemoveAt(pageSize);
        return new StorePage(rows, ScanToken.Encode(rows[^1].PartitionKey, rows[^1].RowKey));
    }

    private async Task<StoreEntity?> ApplyAsync(SqliteConnection connection, SqliteTransaction? transaction, BatchOperation operation, CancellationToken cancellationToken)
    {
        if (operation.Kind == BatchOperationKind.Delete)
        {
            var entity = operation.Entity;
            await SqliteRows.DeleteAsync(connection, transaction, Name, entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);
            return null;
        }
        return await SqliteRows.ApplyAsync(connection, transaction, Name, operation.Kind, operation.Entity, cancellationToken).ConfigureAwait(false);
    }

    private Task<StoreEntity> WriteOneAsync(BatchOperationKind kind, StoreEntity entity, CancellationToken cancellationToken) =>
        WriteAsync(
            (connection, transaction) => SqliteRows.ApplyAsync(connection, transaction, Name, kind, entity, cancellationToken),
            cancellationToken);

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (SqliteRows.IsMissingTable(ex))
        {
            throw MissingTable(ex);
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        // Every write runs in its own savepoint of a group transaction, so a batch is all or nothing.
        try
        {
            return await store.Writes.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (SqliteRows.IsMissingTable(ex))
        {
            throw MissingTable(ex);
        }
    }

    private InvalidOperationException MissingTable(Exception inner) =>
        new($"Table {Name} does not exist: declare it (AddStoreTable) so it is created at start-up.", inner);
}
