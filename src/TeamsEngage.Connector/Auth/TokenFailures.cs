using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Connector.Auth;

internal static class TokenFailures
{
    // More specific exception types first: several derive from SecurityTokenInvalidSignatureException.
    public static AuthFailureReason Classify(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAlgorithmException => AuthFailureReason.InvalidAlgorithm,
        SecurityTokenSignatureKeyNotFoundException => AuthFailureReason.UnknownSigningKey,
        SecurityTokenInvalidSignatureException => AuthFailureReason.InvalidSignature,
        SecurityTokenInvalidIssuerException => AuthFailureReason.InvalidIssuer,
        SecurityTokenInvalidAudienceException => AuthFailureReason.InvalidAudience,
        SecurityTokenNoExpirationException => AuthFailureReason.NoExpiration,
        SecurityTokenExpiredException => AuthFailureReason.Expired,
        SecurityTokenNotYetValidException => AuthFailureReason.NotYetValid,
        SecurityTokenMalformedException or ArgumentException => AuthFailureReason.MalformedToken,
        _ => AuthFailureReason.InvalidToken,
    };
}
