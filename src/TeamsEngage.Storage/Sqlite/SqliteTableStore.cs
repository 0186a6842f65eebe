using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using TeamsEngage.Storage.Rules;

namespace TeamsEngage.Storage.Sqlite;

/// <summary>
/// The embedded backend: every table lives in one SQLite file, <c>teamsengage.db</c>, in the data directory.
/// </summary>
/// <remarks>
/// Each store table is its own SQLite table (a WITHOUT ROWID table clustered on PartitionKey, RowKey): partition and
/// range queries then read one contiguous index range, the sqlite3 CLI shows each table on its own, and table names
/// can be quoted into SQL safely because they are validated to be alphanumeric.
/// WAL lets readers run while one writer commits. Writes of all store instances on the same file in this process go
/// through one group commit (<see cref="SqliteWriteQueue"/>): writes that arrive together share one synced transaction,
/// each in its own savepoint, under one async lock, so conditional writes never wait on SQLite's busy handler, which
/// the busy timeout still covers for other processes.
/// </remarks>
public sealed class SqliteTableStore : ITableStore, IDisposable
{
    /// <summary>The database file name inside the data directory.</summary>
    public const string DatabaseFileName = "teamsengage.db";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteLocks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> WriteQueues = new(StringComparer.Ordinal);

    private readonly string connectionString;
    private readonly string dataDirectory;

    /// <summary>Opens (lazily) the store in <paramref name="dataDirectory"/>, which is created if missing.</summary>
    public SqliteTableStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        this.dataDirectory = Path.GetFullPath(dataDirectory);
        DatabasePath = Path.Combine(this.dataDirectory, DatabaseFileName);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        WriteLock = WriteLocks.GetOrAdd(DatabasePath, _ => new SemaphoreSlim(1, 1));
        Writes = WriteQueues.GetOrAdd(DatabasePath, _ => new SqliteWriteQueue(WriteLock, OpenAsync));
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    internal SemaphoreSlim WriteLock { get; }

    /// <summary>The file's group commit, shared by every store instance on it in this process.</summary>
    internal SqliteWriteQueue Writes { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableNames);
        var names = tableNames.Select(TableNameRules.Validate).ToList();

        await WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            foreach (var name in names)
            {
                await ExecuteAsync(connection, SqliteRows.CreateTableSql(name), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <inheritdoc />
    public IStoreTable Table(string name) => new SqliteStoreTable(this, TableNameRules.Validate(name));

    /// <inheritdoc />
    public async Task ForgetDeletedAsync(CancellationToken cancellationToken = default)
    {
        await WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            // The log still holds the pages as they were before the delete; TRUNCATE copies the current pages home and empties it.
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    /// <summary>Releases the pooled connections, so the database file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // secure_delete: a deleted row's bytes are overwritten, not left in a free page for anyone with the file.
            await ExecuteAsync(connection, "PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table names are validated alphanumeric before they reach SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
