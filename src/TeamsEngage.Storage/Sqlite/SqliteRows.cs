using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TeamsEngage.Storage.Sqlite;

/// <summary>The SQL of each operation on one table, shared by single writes and batches.</summary>
/// <remarks>Table names are validated alphanumeric before they get here, so quoting them into SQL is safe.</remarks>
#pragma warning disable CA2100
internal static class SqliteRows
{
    private const string Columns = "PartitionKey, RowKey, ETag, Timestamp, Properties";

    public static string CreateTableSql(string table) =>
        $"""
        CREATE TABLE IF NOT EXISTS "{table}" (
            PartitionKey TEXT NOT NULL,
            RowKey TEXT NOT NULL,
            ETag TEXT NOT NULL,
            Timestamp TEXT NOT NULL,
            Properties TEXT NOT NULL,
            PRIMARY KEY (PartitionKey, RowKey)
        ) WITHOUT ROWID;
        """;

    public static async Task<StoreEntity?> GetAsync(SqliteConnection connection, string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT {Columns} FROM "{table}" WHERE PartitionKey = $pk AND RowKey = $rk;""";
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public static async Task<List<StoreEntity>> QueryAsync(
        SqliteConnection connection, string table, string partitionKey, string? from, string? to, string? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var sql = $"""SELECT {Columns} FROM "{table}" WHERE PartitionKey = $pk""";
        command.Parameters.AddWithValue("$pk", partitionKey);
        if (from is not null)
        {
            sql += " AND RowKey >= $from";
            command.Parameters.AddWithValue("$from", from);
        }
        if (to is not null)
        {
            sql += " AND RowKey < $to";
            command.Parameters.AddWithValue("$to", to);
        }
        if (after is not null)
        {
            sql += " AND RowKey > $after";
            command.Parameters.AddWithValue("$after", after);
        }
        command.CommandText = sql + " ORDER BY RowKey LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", limit);

        var entities = new List<StoreEntity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entities.Add(Read(reader));
        }
        return entities;
    }

    public static async Task<List<StoreEntity>> ScanAsync(
        SqliteConnection connection, string table, (string From, string To)? partitions, (string PartitionKey, string RowKey)? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var conditions = new List<string>();
        if (partitions is { } range)
        {
            conditions.Add("PartitionKey >= $from AND PartitionKey < $to");
            command.Parameters.AddWithValue("$from", range.From);
            command.Parameters.AddWithValue("$to", range.To);
        }
        if (after is { } last)
        {
            conditions.Add("(PartitionKey > $pk OR (PartitionKey = $pk AND RowKey > $rk))");
            command.Parameters.AddWithValue("$pk", last.PartitionKey);
            command.Parameters.AddWithValue("$rk", last.RowKey);
        }
        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"""SELECT {Columns} FROM "{table}"{where} ORDER BY PartitionKey, RowKey LIMIT $limit;""";
        command.Parameters.AddWithValue("$limit", limit);

        var entities = new List<StoreEntity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entities.Add(Read(reader));
        }
        return entities;
    }

    public static async Task<StoreEntity> ApplyAsync(SqliteConnection connection, SqliteTransaction? transaction, string table, BatchOperationKind kind, StoreEntity entity, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var eTag = NewETag();
        command.Parameters.AddWithValue("$pk", entity.PartitionKey);
        command.Parameters.AddWithValue("$rk", entity.RowKey);
        command.Parameters.AddWithValue("$etag", eTag);
        command.Parameters.AddWithValue("$ts", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$props", PropertyJson.Serialize(entity.Properties));
        command.Parameters.AddWithValue("$expected", (object?)entity.ETag ?? DBNull.Value);
        command.CommandText = kind switch
        {
            BatchOperationKind.Insert =>
                $"""INSERT INTO "{table}" ({Columns}) VALUES ($pk, $rk, $etag, $ts, $props) ON CONFLICT (PartitionKey, RowKey) DO NOTHING;""",
            BatchOperationKind.Upsert =>
                $"""
                INSERT INTO "{table}" ({Columns}) VALUES ($pk, $rk, $etag, $ts, $props)
                ON CONFLICT (PartitionKey, RowKey) DO UPDATE SET ETag = excluded.ETag, Timestamp = excluded.Timestamp, Properties = excluded.Properties;
                """,
            BatchOperationKind.Update =>
                $"""
                UPDATE "{table}" SET ETag = $etag, Timestamp = $ts, Properties = $props
                WHERE PartitionKey = $pk AND RowKey = $rk AND ($expected = '*' OR ETag = $expected);
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use DeleteAsync for deletes."),
        };

        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw kind == BatchOperationKind.Insert
                ? new StoreConflictException($"Entity ({entity.PartitionKey}, {entity.RowKey}) already exists in {table}.")
                : await MissOnConditionAsync(connection, transaction, table, entity.PartitionKey, entity.RowKey, cancellationToken).ConfigureAwait(false);
        }
        return entity with { ETag = eTag, Timestamp = null };
    }

    public static async Task DeleteAsync(SqliteConnection connection, SqliteTransaction? transaction, string table, string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            DELETE FROM "{table}"
            WHERE PartitionKey = $pk AND RowKey = $rk AND ($expected IS NULL OR $expected = '*' OR ETag = $expected);
            """;
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
        command.Parameters.AddWithValue("$expected", (object?)eTag ?? DBNull.Value);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw await MissOnConditionAsync(connection, transaction, table, partitionKey, rowKey, cancellationToken).ConfigureAwait(false);
        }
    }

    public static bool IsMissingTable(SqliteException exception) =>
        exception.SqliteErrorCode == 1 && exception.Message.Contains("no such table", StringComparison.Ordinal);

    // Called with the write lock held, so the row cannot appear or vanish between the write and this check.
    private static async Task<StoreException> MissOnConditionAsync(SqliteConnection connection, SqliteTransaction? transaction, string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""SELECT 1 FROM "{table}" WHERE PartitionKey = $pk AND RowKey = $rk;""";
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$rk", rowKey);
        var exists = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        return exists
            ? new StorePreconditionFailedException($"Entity ({partitionKey}, {rowKey}) in {table} changed since it was read.")
            : new StoreNotFoundException($"Entity ({partitionKey}, {rowKey}) does not exist in {table}.");
    }

    private static string NewETag() => $"W/\"{Guid.NewGuid():N}\"";

    private static StoreEntity Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        PropertyJson.Deserialize(reader.GetString(4)),
        reader.GetString(2),
        DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime());
}
