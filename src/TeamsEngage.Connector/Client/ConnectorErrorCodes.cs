namespace TeamsEngage.Connector.Client;

/// <summary>Error codes a <see cref="ConnectorException"/> can carry besides the ones the connector sends.</summary>
public static class ConnectorErrorCodes
{
    /// <summary>Teams: the user blocked or removed the bot (403, sub-code of error 209).</summary>
    public const string MessageWritesBlocked = "MessageWritesBlocked";

    /// <summary>The serviceUrl was not learned from an authenticated activity, so the bot's token was not sent.</summary>
    public const string UntrustedServiceUrl = "UntrustedServiceUrl";

    /// <summary>The serviceUrl is not an absolute http(s) URL, or is plain http on a host other than loopback.</summary>
    public const string InvalidServiceUrl = "InvalidServiceUrl";

    /// <summary>The bot's own token could not be acquired.</summary>
    public const string TokenAcquisitionFailed = "TokenAcquisitionFailed";

    /// <summary>No response came in time.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The connection failed before a response came.</summary>
    public const string NetworkError = "NetworkError";

    /// <summary>Codes that mean a later attempt with the same input cannot succeed.</summary>
    public static bool IsPermanent(string? errorCode) =>
        errorCode is UntrustedServiceUrl or InvalidServiceUrl;
}
