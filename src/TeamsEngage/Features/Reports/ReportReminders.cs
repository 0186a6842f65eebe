using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamsEngage.Links;
using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The participation page's "Remind" for a group below the district's rate, for administrators only. Each button is a
/// POST form carrying the group, the period and a signature over them and the signed-in person (a signed form token
/// lasting the session's lifetime at most), so a form cannot be made for another group, period or person, nor sent from
/// another site (the session cookie is SameSite=Lax on top). At the POST the session and the administrator role are
/// checked again; the reminders go through the polls' seam, <see cref="IPollGroupReminders"/>.
/// </summary>
public sealed class ReportReminders(ReportSessions sessions, ReportViewers viewers, SignedLinks links, IPollGroupReminders reminders, Microsoft.Extensions.Options.IOptions<ReportsOptions> options)
{
    public const string Path = "/reports/participation/remind";

    /// <summary>The form of one group's row, signed for <paramref name="viewer"/>.</summary>
    public async Task<ReportForm> FormAsync(ReportViewer viewer, ReminderGroup group, ReportQuery query, CancellationToken cancellationToken)
    {
        var fields = Fields(viewer.Identity, group.Kind, group.Value, ReportFormat.Day(query.From), ReportFormat.Day(query.To));
        var signed = await links.CreateAsync(Path, fields, options.Value.SessionLifetime, cancellationToken).ConfigureAwait(false);
        var query2 = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(signed.Query);
        return new ReportForm(Path, viewer.Texts.Reports_Remind,
        [
            new("kind", group.Kind), new("value", group.Value), new("from", ReportFormat.Day(query.From)), new("to", ReportFormat.Day(query.To)),
            new("exp", query2["exp"].ToString()), new("sig", query2["sig"].ToString()),
        ]);
    }

    public async Task<IResult> PostAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var identity = await sessions.ReadSessionAsync(http.Request.Cookies[ReportSessions.CookieName], cancellationToken).ConfigureAwait(false);
        var fallback = Texts.For(http.Request.Headers.AcceptLanguage.ToString().Split(',', ';')[0].Trim());
        if (identity is null || TenantScope.Normalize(identity.TenantId) is null)
        {
            return Page(StatusCodes.Status401Unauthorized, fallback, fallback.Reports_SignedOutTitle, fallback.Reports_SignedOutBody);
        }
        using var tenant = TenantScope.Enter(identity.TenantId);
        var viewer = await viewers.ResolveAsync(identity, cancellationToken).ConfigureAwait(false);
        if (viewer is not { SeesDistrict: true })
        {
            var refused = viewer?.Texts ?? fallback;
            return Page(StatusCodes.Status403Forbidden, refused, refused.Reports_RefusedTitle, refused.Reports_RemindRefusedBody);
        }
        var texts = viewer.Texts;
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
        string Field(string name) => form is not null && form[name].Count == 1 ? form[name][0] ?? string.Empty : string.Empty;
        var group = new ReminderGroup(Field("kind"), Field("value"));
        var valid = group.IsValid
            && Day(Field("from")) is { } from && Day(Field("to")) is { } to && from <= to
            && await links.IsValidAsync(Path, Fields(identity, group.Kind, group.Value, Field("from"), Field("to")), Field("exp"), Field("sig"), cancellationToken).ConfigureAwait(false);
        if (!valid)
        {
            return Page(StatusCodes.Status400BadRequest, texts, texts.Reports_RemindFormTitle, texts.Reports_RemindFormBody);
        }
        var start = new DateTimeOffset(Day(Field("from"))!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(Day(Field("to"))!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var polls = await reminders.RemindAsync(group, start, end, cancellationToken).ConfigureAwait(false);
        var name = group.Kind == "role" && group.Value is "member" or "liaison" or "administrator" ? texts[$"Reports_Role_{group.Value}"] : group.Value;
        return polls == 0
            ? Page(StatusCodes.Status200OK, texts, texts.Reports_RemindedNoneTitle, texts.Reports_RemindedNone(name))
            : Page(StatusCodes.Status200OK, texts, texts.Reports_RemindedTitle, texts.Reports_Reminded(name, polls.ToString(texts.Culture)));
    }

    private static KeyValuePair<string, string>[] Fields(ReportIdentity identity, string kind, string value, string from, string to) =>
        [new("tenant", identity.TenantId), new("user", identity.UserId), new("kind", kind), new("value", value), new("from", from), new("to", to)];

    private static DateOnly? Day(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static RazorComponentResult<ReportRefusal> Page(int status, Texts texts, string title, string body) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ReportRefusal.Texts)] = texts,
            [nameof(ReportRefusal.Title)] = title,
            [nameof(ReportRefusal.Body)] = body,
        })
        { StatusCode = status };
}
