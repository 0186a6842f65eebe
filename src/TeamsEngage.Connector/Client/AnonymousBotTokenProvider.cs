namespace TeamsEngage.Connector.Client;

/// <summary>No token: for anonymous local development (Playground, Emulator) only.</summary>
internal sealed class AnonymousBotTokenProvider : IBotTokenProvider
{
    /// <inheritdoc />
    public bool HasCredentials => false;

    /// <inheritdoc />
    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
