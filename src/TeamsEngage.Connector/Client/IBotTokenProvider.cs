namespace TeamsEngage.Connector.Client;

/// <summary>Supplies the bot's own bearer token for calls to the connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>False in anonymous local development, where outbound calls carry no token.</summary>
    bool HasCredentials { get; }

    /// <summary>
    /// Returns the access token, from cache unless <paramref name="forceRefresh"/> is set; null when anonymous.
    /// Failures throw <see cref="ConnectorException"/> with <see cref="ConnectorErrorCodes.TokenAcquisitionFailed"/>.
    /// </summary>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
