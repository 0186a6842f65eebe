namespace TeamsEngage.Storage.Hosting;

/// <summary>A table the application declares with <c>AddStoreTable</c>; all of them are created at start-up.</summary>
public sealed record StoreTableName(string Name);

/// <summary>A table declared with <c>AddSharedStoreTable</c>: it holds rows of every tenant and is not tenant-scoped.</summary>
public sealed record SharedStoreTableName(string Name);
