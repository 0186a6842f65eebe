using TeamsEngage.Calendar;
using TeamsEngage.Catalogue;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Hosting;
using TeamsEngage.Links;
using TeamsEngage.Outbox;
using TeamsEngage.Reporting;
using TeamsEngage.Search;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Bench.Votes;

/// <summary>The real bot, registered exactly as Program.cs does, on 127.0.0.1 with an ephemeral port, in anonymous Development mode.</summary>
internal static class BotHost
{
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(IReadOnlyDictionary<string, string?> settings)
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
        var app = builder.Build();
        app.MapBotEndpoint("/api/messages");
        app.MapFeatures();
        await app.StartAsync();
        var address = app.Urls.First();
        return (app, new Uri(address));
    }
}
