using Microsoft.Extensions.Logging;

namespace TeamsEngage.Connector.Auth;

internal static partial class AuthLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound request refused: {Reason} {Detail}")]
    public static partial void Refused(ILogger logger, AuthFailureReason reason, string? detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inbound request without a token accepted in anonymous mode")]
    public static partial void AnonymousAccepted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fetch the channel's signing keys from {MetadataUrl}")]
    public static partial void KeyFetchFailed(ILogger logger, Uri metadataUrl, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {KeyCount} channel signing keys from {MetadataUrl}")]
    public static partial void KeysFetched(ILogger logger, int keyCount, Uri metadataUrl);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unknown signing key {KeyId}; refreshing the channel's keys")]
    public static partial void UnknownKeyRefresh(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forced key refresh skipped: the last one was less than {MinimumInterval} ago")]
    public static partial void ForcedRefreshSkipped(ILogger logger, TimeSpan minimumInterval);
}
