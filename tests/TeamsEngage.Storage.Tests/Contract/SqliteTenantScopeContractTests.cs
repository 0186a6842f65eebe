using TeamsEngage.Storage.Sqlite;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Contract;

public sealed class SqliteTenantScopeContractTests : TenantScopeContractTests, IDisposable
{
    private readonly TemporaryDirectory directory = new();

    protected override ITableStore CreateStore() => new SqliteTableStore(Path.Combine(directory.Path, "data"));

    public void Dispose() => directory.Dispose();
}
