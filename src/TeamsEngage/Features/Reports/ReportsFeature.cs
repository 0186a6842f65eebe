using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Commands;

namespace TeamsEngage.Features.Reports;

/// <summary>The reports dashboard: the <c>reports</c> command, and the pages the bot's own app serves under <c>/reports</c>.</summary>
public static class ReportsFeature
{
    private const string StyleResource = "TeamsEngage.Features.Reports.reports.css";
    private const string TabScriptResource = "TeamsEngage.Features.Reports.tab.js";
    private const string TeamsScriptResource = "TeamsEngage.Features.Reports.teams-js.js";

    /// <summary>The tab's own script, and the Teams JavaScript client library it uses (built from its npm package).</summary>
    public const string TabScriptPath = "/reports/assets/tab.js";
    public const string TeamsScriptPath = "/reports/assets/teams-js.js";

    // The tab's icon, so browsers ask for nothing outside /reports.
    private const string Icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#0f6cbd\"/><path d=\"M4 12V8M8 12V4M12 12V6\" stroke=\"#fff\" stroke-width=\"2\"/></svg>";

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.MinGroupSize = configuration.GetValue("TeamsEngage:Polls:MinGroupSize", options.MinGroupSize))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRazorComponents();
        services.AddOptions<ReportTabOptions>().BindConfiguration(ReportTabOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(ReportTabTokens.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ReportTabTokens>();
        services.AddSingleton<ReportSessions>();
        services.AddSingleton<ReportViewers>();
        services.AddSingleton<TicketsReport>();
        services.AddSingleton<WorkloadReport>();
        services.AddSingleton<OverviewReport>();
        services.AddSingleton<NoticesReport>();
        services.AddSingleton<ParticipationReport>();
        services.AddSingleton<FeedbackReport>();
        services.AddSingleton<SurveysReport>();
        services.AddSingleton<ReportPages>();
        services.AddSingleton<ReportReminders>();
        services.AddSingleton<ReportsDesk>();
        return services;
    }

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.BotRoutes().MapCommand<ReportsDesk>(BotCommands.Reports, (command, desk, ct) => desk.OpenAsync(command, ct));

        var pages = app.MapGroup("/reports").AddEndpointFilter(async (context, next) =>
        {
            ReportHeaders.Apply(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<IOptions<ReportsOptions>>().Value);
            return await next(context).ConfigureAwait(false);
        });
        pages.MapGet("/", () => Results.Redirect("/reports/" + ReportPageNames.Tickets));
        pages.MapGet("/signin", (HttpContext http, ReportPages reports, CancellationToken ct) => reports.SignInAsync(http, ct));
        pages.MapGet("/assets/icon.svg", () => Results.Text(Icon, "image/svg+xml"));
        pages.MapGet("/assets/reports.css", () => Asset(StyleResource, "text/css; charset=utf-8"));
        pages.MapGet("/assets/tab.js", () => Asset(TabScriptResource, "text/javascript; charset=utf-8"));
        pages.MapGet("/assets/teams-js.js", () => Asset(TeamsScriptResource, "text/javascript; charset=utf-8"));
        pages.MapGet("/tab", (HttpContext http, ReportPages reports) =>
        {
            ReportHeaders.AllowOwnScripts(http);
            return reports.Tab(http);
        });
        pages.MapPost("/tab/signin", (HttpContext http, ReportPages reports, CancellationToken ct) => reports.TabSignInAsync(http, ct));
        pages.MapPost("/participation/remind", (HttpContext http, ReportReminders reminders, CancellationToken ct) => reminders.PostAsync(http, ct));
        foreach (var page in ReportPageNames.All)
        {
            pages.MapGet("/" + page, (HttpContext http, ReportPages reports, CancellationToken ct) => reports.PageAsync(page, http, ct));
            pages.MapGet("/" + page + "/{table}.csv", (string table, HttpContext http, ReportPages reports, CancellationToken ct) => reports.CsvAsync(page, table, http, ct));
        }
        return app;
    }

    private static IResult Asset(string resource, string contentType) =>
        Results.Stream(typeof(ReportsFeature).Assembly.GetManifestResourceStream(resource)!, contentType);
}

/// <summary>The headers of every dashboard response: a strict Content-Security-Policy, framing by Teams only, nothing cached or referred.</summary>
public static class ReportHeaders
{
    private const string Policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ";

    /// <summary>The tab's page runs the app's own scripts, which talk to the app alone: nothing inline, nothing from another host.</summary>
    public static void AllowOwnScripts(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.ContentSecurityPolicy = http.Response.Headers.ContentSecurityPolicy.ToString()
            .Replace("default-src 'none';", "default-src 'none'; script-src 'self'; connect-src 'self';", StringComparison.Ordinal);
    }

    public static void Apply(HttpContext http, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy + options.FrameAncestors;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
