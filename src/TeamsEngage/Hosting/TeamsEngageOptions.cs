namespace TeamsEngage.Hosting;

/// <summary>The product's own settings, section <c>TeamsEngage</c>.</summary>
public sealed class TeamsEngageOptions
{
    public const string Section = "TeamsEngage";

    /// <summary>Tenants whose people may use the bot. Defaults to <c>MicrosoftAppTenantId</c>; empty accepts every tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>Administrators at start-up, by Entra object id or email; everyone else is managed in Teams.</summary>
    public IList<string> Administrators { get; } = [];
}
