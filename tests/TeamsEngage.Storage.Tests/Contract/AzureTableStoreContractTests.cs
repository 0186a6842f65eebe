using Azure.Data.Tables;
using TeamsEngage.Storage.Azure;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests.Contract;

[Collection(AzuriteGroup.Name)]
public sealed class AzureTableStoreContractTests(AzuriteServer azurite) : TableStoreContractTests
{
    protected override ITableStore CreateStore() => new AzureTableStore(new TableServiceClient(azurite.ConnectionString));
}
