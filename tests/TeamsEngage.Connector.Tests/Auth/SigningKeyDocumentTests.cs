using Microsoft.IdentityModel.Tokens;
using TeamsEngage.Connector.Auth;

namespace TeamsEngage.Connector.Tests.Auth;

/// <summary>
/// The two documents the keys come from, read as the channel publishes them and as a broken or hostile publisher might:
/// a document without what the bot needs is refused, never read as "no keys, accept anything".
/// </summary>
public sealed class SigningKeyDocumentTests
{
    private static readonly string Modulus = NewModulus();

    private static string NewModulus()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return Base64UrlEncoder.Encode(rsa.ExportParameters(includePrivateParameters: false).Modulus);
    }

    [Fact]
    public void MetadataWithoutAKeysAddressIsRefused()
    {
        var refused = Assert.Throws<InvalidDataException>(() => SigningKeyDocuments.ReadJwksUri("""{"issuer":"https://api.botframework.com"}"""));

        Assert.Contains("jwks_uri", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetadataPointingTheKeysAtPlainHttpIsRefused()
    {
        Assert.ThrowsAny<Exception>(() => SigningKeyDocuments.ReadJwksUri("""{"jwks_uri":"http://keys.example.org/keys"}"""));
    }

    [Fact]
    public void MetadataNamesWhereTheKeysAre()
    {
        var uri = SigningKeyDocuments.ReadJwksUri("""{"issuer":"https://api.botframework.com","jwks_uri":"https://login.botframework.com/v1/.well-known/keys"}""");

        Assert.Equal(new Uri("https://login.botframework.com/v1/.well-known/keys"), uri);
    }

    [Theory]
    [InlineData("""{"keys":[]}""")]
    [InlineData("""{"keys":[{"kty":"oct","kid":"k1","k":"c2VjcmV0"}]}""")]
    public void AKeySetWithoutAUsableSigningKeyIsRefused(string jwks)
    {
        var refused = Assert.Throws<InvalidDataException>(() => SigningKeyDocuments.ReadKeySet(jwks));

        Assert.Contains("no usable signing keys", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndorsementsAreReadPerKeyAndOnlyNonEmptyChannelNamesCount()
    {
        var jwks = $$"""
        {"keys":[
          {"kty":"RSA","kid":"teams","n":"{{Modulus}}","e":"AQAB","endorsements":["msteams","",7,"webchat"]},
          {"kty":"RSA","kid":"bare","n":"{{Modulus}}","e":"AQAB"},
          {"kty":"RSA","kid":"odd","n":"{{Modulus}}","e":"AQAB","endorsements":"msteams"},
          "not a key"
        ]}
        """;

        var set = SigningKeyDocuments.ReadKeySet(jwks);

        Assert.True(set.IsEndorsedFor("teams", "msteams"));
        Assert.True(set.IsEndorsedFor("teams", "webchat"));
        Assert.False(set.IsEndorsedFor("teams", "slack"));
        Assert.False(set.IsEndorsedFor("teams", string.Empty));
        Assert.True(set.ContainsKey("bare"));
        Assert.True(set.ContainsKey("odd"));
    }

    [Theory]
    [InlineData(typeof(SecurityTokenMalformedException), nameof(AuthFailureReason.MalformedToken))]
    [InlineData(typeof(ArgumentException), nameof(AuthFailureReason.MalformedToken))]
    [InlineData(typeof(SecurityTokenInvalidAlgorithmException), nameof(AuthFailureReason.InvalidAlgorithm))]
    [InlineData(typeof(SecurityTokenSignatureKeyNotFoundException), nameof(AuthFailureReason.UnknownSigningKey))]
    [InlineData(typeof(SecurityTokenInvalidSignatureException), nameof(AuthFailureReason.InvalidSignature))]
    [InlineData(typeof(SecurityTokenInvalidIssuerException), nameof(AuthFailureReason.InvalidIssuer))]
    [InlineData(typeof(SecurityTokenInvalidAudienceException), nameof(AuthFailureReason.InvalidAudience))]
    [InlineData(typeof(SecurityTokenNoExpirationException), nameof(AuthFailureReason.NoExpiration))]
    [InlineData(typeof(SecurityTokenExpiredException), nameof(AuthFailureReason.Expired))]
    [InlineData(typeof(SecurityTokenNotYetValidException), nameof(AuthFailureReason.NotYetValid))]
    [InlineData(typeof(InvalidOperationException), nameof(AuthFailureReason.InvalidToken))]
    public void EachValidationFailureIsRefusedForItsOwnReason(Type failure, string reason)
    {
        var exception = (Exception)Activator.CreateInstance(failure)!;

        Assert.Equal(reason, TokenFailures.Classify(exception).ToString());
    }
}
