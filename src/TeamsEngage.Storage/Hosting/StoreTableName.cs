namespace TeamsEngage.Storage.Hosting;

/// <summary>A table the application declares with <c>AddStoreTable</c>; all of them are created at start-up.</summary>
public sealed record StoreTableName(string Name);
