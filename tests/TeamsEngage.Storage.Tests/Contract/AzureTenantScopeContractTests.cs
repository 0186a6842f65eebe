using Azure.Data.Tables;
using TeamsEngage.Storage.Azure;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Contract;

[Collection(AzuriteGroup.Name)]
public sealed class AzureTenantScopeContractTests(AzuriteServer azurite) : TenantScopeContractTests
{
    protected override ITableStore CreateStore() => new AzureTableStore(new TableServiceClient(azurite.ConnectionString));
}
