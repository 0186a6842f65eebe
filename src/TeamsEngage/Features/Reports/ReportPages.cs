using Microsoft.AspNetCore.Http.HttpResults;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// The dashboard's web side: signing in by link, each page for the viewer as the directory says now, each table as
/// CSV, and the clear refusal pages. Every read happens in the signed-in district's tenant scope.
/// </summary>
public sealed class ReportPages(
    ReportSessions sessions,
    ReportTabTokens tabTokens,
    ReportViewers viewers,
    IPeopleDirectory directory,
    TicketsReport tickets,
    OverviewReport overview,
    NoticesReport notices,
    ParticipationReport participation,
    FeedbackReport feedback,
    SurveysReport surveys,
    TimeProvider clock)
{
    /// <summary>The link from the <c>reports</c> card: a session cookie and on to the tickets page, or a refusal.</summary>
    public async Task<IResult> SignInAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var identity = await sessions.ReadSignInAsync(http.Request.Query, cancellationToken).ConfigureAwait(false);
        if (identity is null || TenantScope.Normalize(identity.TenantId) is null)
        {
            var texts = LanguageOf(http);
            return Refusal(StatusCodes.Status403Forbidden, texts, texts.Reports_LinkRefusedTitle, texts.Reports_LinkRefusedBody);
        }
        await sessions.StartAsync(http.Response, identity, framedByTeams: false, cancellationToken).ConfigureAwait(false);
        return Results.Redirect(FirstPage);
    }

    /// <summary>The tab's page in Teams: it asks Teams for the person's token and trades it at <see cref="TabSignInAsync"/>.</summary>
    public IResult Tab(HttpContext http) =>
        new RazorComponentResult<ReportTab>(new Dictionary<string, object?>
        {
            [nameof(ReportTab.Texts)] = Texts.For(http.Request.Query["lang"].ToString() is { Length: > 0 } lang ? lang : FirstLanguage(http)),
            [nameof(ReportTab.Enabled)] = tabTokens.Enabled,
            [nameof(ReportTab.Next)] = FirstPage,
        });

    /// <summary>The tab's Teams token traded for a session cookie (204), or 401 with nothing set.</summary>
    public async Task<IResult> TabSignInAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var identity = await tabTokens.ReadAsync(http.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (identity is null || TenantScope.Normalize(identity.TenantId) is null)
        {
            return Results.Unauthorized();
        }
        await sessions.StartAsync(http.Response, identity, framedByTeams: true, cancellationToken).ConfigureAwait(false);
        return Results.NoContent();
    }

    public Task<IResult> PageAsync(string page, HttpContext http, CancellationToken cancellationToken) =>
        AsViewerAsync(http, async (viewer, query) =>
        {
            if (await DocumentAsync(page, viewer, query, cancellationToken).ConfigureAwait(false) is not { } document)
            {
                return Refusal(StatusCodes.Status404NotFound, viewer.Texts, viewer.Texts.Reports_NotFoundTitle, viewer.Texts.Reports_NotFoundBody);
            }
            var departments = (await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
                .Where(d => viewer.SeesDistrict || viewer.Departments!.Contains(d.Code.ToUpperInvariant()))
                .Select(d => d with { Code = d.Code.ToUpperInvariant() })
                .OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();
            return new RazorComponentResult<ReportPage>(new Dictionary<string, object?>
            {
                [nameof(ReportPage.Document)] = document,
                [nameof(ReportPage.Viewer)] = viewer,
                [nameof(ReportPage.Query)] = query,
                [nameof(ReportPage.Departments)] = departments,
            });
        }, cancellationToken);

    public Task<IResult> CsvAsync(string page, string table, HttpContext http, CancellationToken cancellationToken) =>
        AsViewerAsync(http, async (viewer, query) =>
        {
            var document = await DocumentAsync(page, viewer, query, cancellationToken).ConfigureAwait(false);
            var found = document?.Sections.SelectMany(s => s.Tables).FirstOrDefault(t => t.Id == table);
            return found is null
                ? Results.NotFound()
                : Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(ReportCsv.Build(found))).ToArray(),
                    "text/csv; charset=utf-8", $"{page}-{table}-{ReportFormat.Day(query.From)}-{ReportFormat.Day(query.To)}.csv");
        }, cancellationToken);

    private async Task<IResult> AsViewerAsync(HttpContext http, Func<ReportViewer, ReportQuery, Task<IResult>> show, CancellationToken cancellationToken)
    {
        var identity = await sessions.ReadSessionAsync(http.Request.Cookies[ReportSessions.CookieName], cancellationToken).ConfigureAwait(false);
        if (identity is null || TenantScope.Normalize(identity.TenantId) is null)
        {
            var texts = LanguageOf(http);
            return Refusal(StatusCodes.Status401Unauthorized, texts, texts.Reports_SignedOutTitle, texts.Reports_SignedOutBody);
        }
        using var tenant = TenantScope.Enter(identity.TenantId);
        if (await viewers.ResolveAsync(identity, cancellationToken).ConfigureAwait(false) is not { } viewer)
        {
            var texts = await viewers.TextsOfAsync(identity, FirstLanguage(http), cancellationToken).ConfigureAwait(false);
            return Refusal(StatusCodes.Status403Forbidden, texts, texts.Reports_RefusedTitle, texts.Reports_RefusedBody);
        }
        var query = ReportQueries.Read(http.Request.Query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return await show(viewer, query).ConfigureAwait(false);
    }

    private Task<ReportDocument?>? Build(string page, ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken) => page switch
    {
        ReportPageNames.Surveys => surveys.BuildAsync(viewer, query, cancellationToken),
        ReportPageNames.Tickets => Maybe(tickets.BuildAsync(viewer, query, cancellationToken)),
        ReportPageNames.Overview => Maybe(overview.BuildAsync(viewer, query, cancellationToken)),
        ReportPageNames.Notices => Maybe(notices.BuildAsync(viewer, query, cancellationToken)),
        ReportPageNames.Participation => Maybe(participation.BuildAsync(viewer, query, cancellationToken)),
        ReportPageNames.Feedback => Maybe(feedback.BuildAsync(viewer, query, cancellationToken)),
        _ => null,
    };

    private static async Task<ReportDocument?> Maybe(Task<ReportDocument> building) => await building.ConfigureAwait(false);

    private async Task<ReportDocument?> DocumentAsync(string page, ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken) =>
        Build(page, viewer, query, cancellationToken) is { } building ? await building.ConfigureAwait(false) : null;

    private static RazorComponentResult<ReportRefusal> Refusal(int status, Texts texts, string title, string body)
    {
        var page = new RazorComponentResult<ReportRefusal>(new Dictionary<string, object?>
        {
            [nameof(ReportRefusal.Texts)] = texts,
            [nameof(ReportRefusal.Title)] = title,
            [nameof(ReportRefusal.Body)] = body,
        })
        { StatusCode = status };
        return page;
    }

    /// <summary>The language of someone not signed in: their browser's first language, else English.</summary>
    private static Texts LanguageOf(HttpContext http) => Texts.For(FirstLanguage(http));

    private static string FirstLanguage(HttpContext http) => http.Request.Headers.AcceptLanguage.ToString().Split(',', ';')[0].Trim();

    private const string FirstPage = "/reports/" + ReportPageNames.Tickets;
}
