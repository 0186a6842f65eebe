namespace TeamsEngage.Connector.Hosting;

/// <summary>Rules the messaging endpoint applies before any handler runs.</summary>
public sealed class BotEndpointOptions
{
    /// <summary>Tenants whose activities are accepted. Empty accepts every tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Bodies larger than this are refused with 413.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
