using Microsoft.IdentityModel.Tokens;

namespace TeamsEngage.Connector.Auth;

internal static class TokenFailures
{
    // More specific exception types first: several derive from SecurityTokenInvalidSignatureException.
    public static AuthFailureReason Classify(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAlgorithmException => AuthFailureReason.InvalidAlgorithm,
        SecurityTokenSignatureKeyNotFoundException => AuthFailureReason.UnknownSigningKey,
        SecurityTokenInvalidSignatureException when IsUnsigned(exception) => AuthFailureReason.Unsigned,
        SecurityTokenInvalidSignatureException => AuthFailureReason.InvalidSignature,
        SecurityTokenInvalidIssuerException => AuthFailureReason.InvalidIssuer,
        SecurityTokenInvalidAudienceException => AuthFailureReason.InvalidAudience,
        SecurityTokenNoExpirationException => AuthFailureReason.NoExpiration,
        SecurityTokenExpiredException => AuthFailureReason.Expired,
        SecurityTokenNotYetValidException => AuthFailureReason.NotYetValid,
        SecurityTokenMalformedException or ArgumentException => AuthFailureReason.MalformedToken,
        _ => AuthFailureReason.InvalidToken,
    };

    // IDX10504: the token carries no signature at all (alg "none").
    private static bool IsUnsigned(Exception exception) =>
        exception.Message.Contains("IDX10504", StringComparison.Ordinal);
}
