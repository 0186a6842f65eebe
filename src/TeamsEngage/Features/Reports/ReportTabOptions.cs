using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The dashboard as a personal tab in Teams, signed in with Teams single sign-on; section <c>TeamsEngage:Reports:Tab</c>.
/// Without <see cref="ClientId"/> the tab is off: it says so, and the <c>reports</c> command's link still works.
/// </summary>
public sealed class ReportTabOptions : IValidatableObject
{
    public const string Section = ReportsOptions.Section + ":Tab";

    /// <summary>The Application ID URI's scope Teams asks a token for: <c>api://…/access_as_user</c>.</summary>
    public const string Scope = "access_as_user";

    /// <summary>The client id of the Entra app registration the tab signs in with (the manifest's <c>webApplicationInfo.id</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>Its Application ID URI, <c>api://{host}/{ClientId}</c> (the manifest's <c>webApplicationInfo.resource</c>).</summary>
    public string? ApplicationIdUri { get; set; }

    /// <summary>Where the signing keys are published. Entra's by default; a local issuer in tests (plain http only on loopback).</summary>
    public string MetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// The issuers a token may name, <c>{tenantid}</c> standing for the token's own <c>tid</c>: Entra's v2.0 and v1.0
    /// issuers by default.
    /// </summary>
    public IList<string> Issuers { get; } = [];

    /// <summary>How long downloaded signing keys are used before they are fetched again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "TeamsEngage:Reports:Tab:KeyRefreshInterval must be between five minutes and seven days.")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    public IReadOnlyList<string> EffectiveIssuers =>
        Issuers.Any(i => !string.IsNullOrWhiteSpace(i))
            ? [.. Issuers.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim())]
            : ["https://login.microsoftonline.com/{tenantid}/v2.0", "https://sts.windows.net/{tenantid}/"];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!Guid.TryParse(ClientId, out _))
        {
            yield return new ValidationResult("TeamsEngage:Reports:Tab:ClientId must be the tab's Entra app registration client id (a GUID).");
        }
        if (!Uri.TryCreate(ApplicationIdUri, UriKind.Absolute, out var resource) || resource.Scheme != "api" || !ApplicationIdUri!.EndsWith("/" + ClientId!.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("TeamsEngage:Reports:Tab:ApplicationIdUri must be the app registration's Application ID URI, api://{bot host}/{ClientId}.");
        }
        if (!Uri.TryCreate(MetadataUrl, UriKind.Absolute, out var metadata) || !(metadata.Scheme == Uri.UriSchemeHttps || (metadata.Scheme == Uri.UriSchemeHttp && metadata.IsLoopback)))
        {
            yield return new ValidationResult("TeamsEngage:Reports:Tab:MetadataUrl must be an https URL (plain http only on this machine's loopback).");
        }
        if (EffectiveIssuers.Any(i => !i.Contains("{tenantid}", StringComparison.Ordinal)))
        {
            yield return new ValidationResult("TeamsEngage:Reports:Tab:Issuers must each contain {tenantid}, so that a token names its own district.");
        }
    }
}
