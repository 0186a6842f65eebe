using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Commands;

namespace TeamsEngage.Features.Reports;

/// <summary>The reports dashboard: the <c>reports</c> command, and the pages the bot's own app serves under <c>/reports</c>.</summary>
public static class ReportsFeature
{
    private const string StyleResource = "TeamsEngage.Features.Reports.reports.css";

    // The tab's icon, so browsers ask for nothing outside /reports.
    private const string Icon = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#0f6cbd\"/><path d=\"M4 12V8M8 12V4M12 12V6\" stroke=\"#fff\" stroke-width=\"2\"/></svg>";

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.MinGroupSize = configuration.GetValue("TeamsEngage:Polls:MinGroupSize", options.MinGroupSize))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddRazorComponents();
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
        pages.MapGet("/assets/reports.css", () => Results.Stream(typeof(ReportsFeature).Assembly.GetManifestResourceStream(StyleResource)!, "text/css; charset=utf-8"));
        pages.MapPost("/participation/remind", (HttpContext http, ReportReminders reminders, CancellationToken ct) => reminders.PostAsync(http, ct));
        foreach (var page in ReportPageNames.All)
        {
            pages.MapGet("/" + page, (HttpContext http, ReportPages reports, CancellationToken ct) => reports.PageAsync(page, http, ct));
            pages.MapGet("/" + page + "/{table}.csv", (string table, HttpContext http, ReportPages reports, CancellationToken ct) => reports.CsvAsync(page, table, http, ct));
        }
        return app;
    }
}

/// <summary>The headers of every dashboard response: a strict Content-Security-Policy, framing by Teams only, nothing cached or referred.</summary>
public static class ReportHeaders
{
    public static void Apply(HttpContext http, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors " + options.FrameAncestors;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
