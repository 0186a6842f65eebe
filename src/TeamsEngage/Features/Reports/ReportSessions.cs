using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TeamsEngage.Links;

namespace TeamsEngage.Features.Reports;

/// <summary>Who signed in: the district and the Teams user, with their Entra object id when Teams gave it.</summary>
public sealed record ReportIdentity(string TenantId, string UserId, string? AadObjectId);

/// <summary>
/// The sign-in link the <c>reports</c> command offers and the session cookie it becomes. Both are signed links of
/// <see cref="SignedLinks"/>: the link signs its page, the district, the person and its expiry; the cookie holds the
/// signed query of a link to <see cref="SessionPath"/> (which opens nothing), so it cannot be made or stretched without the key.
/// </summary>
public sealed class ReportSessions(SignedLinks links, IOptions<ReportsOptions> options)
{
    public const string SignInPath = "/reports/signin";
    public const string SessionPath = "/reports/session";
    public const string CookieName = "teamsengage_reports";

    public Task<Uri> SignInLinkAsync(ReportIdentity identity, CancellationToken cancellationToken) =>
        links.CreateAsync(SignInPath, Parameters(identity), options.Value.LinkLifetime, cancellationToken);

    /// <summary>The identity of a sign-in link's query, or null when it is expired, tampered with or incomplete.</summary>
    public Task<ReportIdentity?> ReadSignInAsync(IQueryCollection query, CancellationToken cancellationToken) =>
        ReadAsync(SignInPath, name => query[name].Count == 1 ? query[name][0] : null, cancellationToken);

    /// <summary>The cookie value of a new session for <paramref name="identity"/>.</summary>
    public async Task<string> NewSessionAsync(ReportIdentity identity, CancellationToken cancellationToken)
    {
        var link = await links.CreateAsync(SessionPath, Parameters(identity), options.Value.SessionLifetime, cancellationToken).ConfigureAwait(false);
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(link.Query.TrimStart('?')));
    }

    /// <summary>
    /// Starts a session for <paramref name="identity"/>: the signed cookie, <c>Secure</c> and <c>HttpOnly</c>, for the
    /// dashboard's paths only. In a browser it is <c>SameSite=Lax</c>. In the Teams tab the dashboard is framed by Teams,
    /// another site, where only a <c>SameSite=None</c> cookie is sent; it is <c>Partitioned</c> as well, so the browser
    /// keeps it for pages inside Teams alone.
    /// </summary>
    public async Task StartAsync(HttpResponse response, ReportIdentity identity, bool framedByTeams, CancellationToken cancellationToken)
    {
        var cookie = await NewSessionAsync(identity, cancellationToken).ConfigureAwait(false);
        var settings = new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = framedByTeams ? SameSiteMode.None : SameSiteMode.Lax,
            Path = "/reports",
            MaxAge = options.Value.SessionLifetime,
            IsEssential = true,
        };
        if (framedByTeams)
        {
            settings.Extensions.Add("Partitioned");
        }
        response.Cookies.Append(CookieName, cookie, settings);
    }

    /// <summary>The identity of a session cookie, or null when there is none or it is expired or forged.</summary>
    public async Task<ReportIdentity?> ReadSessionAsync(string? cookie, CancellationToken cancellationToken)
    {
        if (cookie is not { Length: > 0 and < 2000 })
        {
            return null;
        }
        string query;
        try
        {
            query = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cookie));
        }
        catch (FormatException)
        {
            return null;
        }
        var values = QueryHelpers.ParseQuery(query);
        return await ReadAsync(SessionPath, name => values.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReportIdentity?> ReadAsync(string path, Func<string, string?> value, CancellationToken cancellationToken)
    {
        if (value("tenant") is not { Length: > 0 } tenant || value("user") is not { Length: > 0 } user || value("oid") is not { } oid)
        {
            return null;
        }
        var identity = new ReportIdentity(tenant, user, oid.Length == 0 ? null : oid);
        return await links.IsValidAsync(path, Parameters(identity), value("exp"), value("sig"), cancellationToken).ConfigureAwait(false) ? identity : null;
    }

    private static KeyValuePair<string, string>[] Parameters(ReportIdentity identity) =>
        [new("tenant", identity.TenantId), new("user", identity.UserId), new("oid", identity.AadObjectId ?? string.Empty)];
}
