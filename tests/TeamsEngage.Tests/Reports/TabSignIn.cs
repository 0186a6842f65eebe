using TeamsEngage.Testing.Auth;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// A stand-in for Entra ID signing the dashboard tab's Teams single sign-on tokens: a local OpenID issuer on 127.0.0.1,
/// and the bot's settings that point the tab at it.
/// </summary>
internal sealed class TabSignIn : IAsyncDisposable
{
    public const string ClientId = "0b7c4e2a-5d13-4f6e-9a8b-3c2d1e0f4a5b";
    public const string ApplicationIdUri = "api://teamsengage.example.org/" + ClientId;

    private TabSignIn(LocalTokenIssuer issuer) => Issuer = issuer;

    public LocalTokenIssuer Issuer { get; }

    /// <summary>The v2.0 issuer of a tenant, as the local issuer writes it.</summary>
    public string IssuerOf(string tenantId) => $"{Issuer.BaseUrl}/{tenantId}/v2.0";

    /// <summary>The v1.0 issuer of a tenant.</summary>
    public string LegacyIssuerOf(string tenantId) => $"{Issuer.BaseUrl}/sts/{tenantId}/";

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamsEngage:Reports:Tab:ClientId"] = ClientId,
        ["TeamsEngage:Reports:Tab:ApplicationIdUri"] = ApplicationIdUri,
        ["TeamsEngage:Reports:Tab:MetadataUrl"] = Issuer.MetadataUrl,
        ["TeamsEngage:Reports:Tab:Issuers:0"] = Issuer.BaseUrl + "/{tenantid}/v2.0",
        ["TeamsEngage:Reports:Tab:Issuers:1"] = Issuer.BaseUrl + "/sts/{tenantid}/",
    };

    public static async Task<TabSignIn> StartAsync(TimeProvider? clock = null) => new(await LocalTokenIssuer.StartAsync(clock));

    /// <summary>The token Teams would hand the tab for <paramref name="persona"/>; <paramref name="change"/> spoils one part of it.</summary>
    public string TokenFor(Persona persona, Func<TokenOptions, TokenOptions>? change = null, IReadOnlyDictionary<string, object>? claims = null)
    {
        var options = new TokenOptions
        {
            Issuer = IssuerOf(persona.TenantId),
            Audience = ClientId,
            OmitServiceUrl = true,
            ExtraClaims = claims ?? Claims(persona),
        };
        return Issuer.CreateToken(ClientId, serviceUrl: string.Empty, (change ?? (o => o))(options));
    }

    public static Dictionary<string, object> Claims(Persona persona) => new()
    {
        ["tid"] = persona.TenantId,
        ["oid"] = persona.AadObjectId,
        ["scp"] = "access_as_user",
        ["name"] = persona.Name,
        ["ver"] = "2.0",
    };

    public ValueTask DisposeAsync() => Issuer.DisposeAsync();
}
