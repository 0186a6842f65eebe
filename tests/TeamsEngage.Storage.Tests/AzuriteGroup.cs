using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Storage.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
