using System.Text;
using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Contract;

/// <summary>
/// Someone with a copy of the embedded store's files (database, write-ahead log, shared memory) reads every byte of
/// them: once a deleted row has been forgotten, nothing of it is there.
/// </summary>
public sealed class SqliteForensicTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task ADeletedRowStaysReadableInTheFilesUntilItIsForgotten()
    {
        using var store = new SqliteTableStore(Path.Combine(directory.Path, "data"));
        var secret = await WriteAndDeleteSecretAsync(store);

        Assert.True(FilesContain(store, secret), "control: before ForgetDeletedAsync the write-ahead log still holds the deleted row");
    }

    [Fact]
    public async Task AForgottenRowIsInNoByteOfTheStoresFiles()
    {
        using var store = new SqliteTableStore(Path.Combine(directory.Path, "data"));
        var secret = await WriteAndDeleteSecretAsync(store);

        await store.ForgetDeletedAsync();

        Assert.False(FilesContain(store, secret));
        Assert.True(FilesContain(store, "kept-" + secret[7..]), "control: the row that was not deleted is still readable");
    }

    private static async Task<string> WriteAndDeleteSecretAsync(SqliteTableStore store)
    {
        await store.InitializeAsync(["secrets"]);
        var table = store.Table("secrets");
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        await table.InsertAsync(new StoreEntity("p", "gone", new Dictionary<string, object?> { ["Key"] = secret }));
        await table.InsertAsync(new StoreEntity("p", "kept", new Dictionary<string, object?> { ["Key"] = "kept-" + secret[7..] }));
        await table.DeleteAsync("p", "gone", eTag: null);
        return secret;
    }

    private static bool FilesContain(SqliteTableStore store, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return new[] { store.DatabasePath, store.DatabasePath + "-wal", store.DatabasePath + "-shm" }
            .Where(File.Exists)
            .Any(path => ReadShared(path).AsSpan().IndexOf(needle) >= 0);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
