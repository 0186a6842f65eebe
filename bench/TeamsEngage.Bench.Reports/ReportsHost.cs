using TeamsEngage.Calendar;
using TeamsEngage.Catalogue;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Hosting;
using TeamsEngage.Links;
using TeamsEngage.Outbox;
using TeamsEngage.Reporting;
using TeamsEngage.Search;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Bench.Reports;

/// <summary>
/// The real bot, registered exactly as Program.cs does, on 127.0.0.1 with an ephemeral port, in anonymous Development
/// mode; with <paramref name="clock"/>, every service reads the time from it (the seeding's year of events).
/// </summary>
internal static class ReportsHost
{
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddTableStore(builder.Configuration);
        builder.Services.AddBot(builder.Configuration, builder.Environment);
        builder.Services.AddOutbox();
        builder.Services.AddPeople();
        builder.Services.AddSchoolCalendar();
        builder.Services.AddServiceCatalogue();
        builder.Services.AddSignedLinks();
        builder.Services.AddReportFigures();
        builder.Services.AddTextSearch();
        builder.Services.AddFeatures();
        if (clock is not null)
        {
            // Registered last, so it is the one every service is given.
            builder.Services.AddSingleton(clock);
        }
        var app = builder.Build();
        app.MapBotEndpoint("/api/messages");
        app.MapFeatures();
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }
}

/// <summary>
/// The seeding's clock: each flow of seeding sets the moment its event happens (an async-local value, so parallel flows
/// each keep their own); outside a flow it is the system's time.
/// </summary>
internal sealed class SeedClock : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> _now = new();

    public DateTimeOffset? Now
    {
        get => _now.Value;
        set => _now.Value = value;
    }

    public override DateTimeOffset GetUtcNow() => _now.Value ?? base.GetUtcNow();
}
