using TeamsEngage.Storage;
using TeamsEngage.Storage.Sqlite;

namespace TeamsEngage.Tests.AnonymousAnswers;

/// <summary>The embedded store in a folder of its own, removed afterwards: rows read back exactly as a process writes them.</summary>
internal sealed class StoreInATempFolder : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsengage-anonymity-" + Guid.NewGuid().ToString("N"));

    private StoreInATempFolder() => Store = new SqliteTableStore(_folder);

    public SqliteTableStore Store { get; }

    public static async Task<StoreInATempFolder> CreateAsync(params string[] tables)
    {
        var store = new StoreInATempFolder();
        await store.Store.InitializeAsync(tables);
        return store;
    }

    public async Task<List<StoreEntity>> RowsAsync(string table, string partition)
    {
        var rows = new List<StoreEntity>();
        await foreach (var row in Store.Table(table).QueryAllAsync(partition))
        {
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file for a moment; the temp folder is left to the system then.
        }
    }
}
