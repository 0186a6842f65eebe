namespace TeamsEngage.Connector.Auth;

/// <summary>Why an inbound request was refused. Logged, never sent back to the caller.</summary>
internal enum AuthFailureReason
{
    MissingHeader,
    MalformedHeader,
    MissingChannelId,
    MissingServiceUrl,
    SigningKeysUnavailable,
    MalformedToken,
    Unsigned,
    InvalidAlgorithm,
    UnknownSigningKey,
    InvalidSignature,
    InvalidIssuer,
    InvalidAudience,
    NoExpiration,
    Expired,
    NotYetValid,
    InvalidToken,
    KeyNotEndorsedForChannel,
    MissingServiceUrlClaim,
    ServiceUrlMismatch,
}
