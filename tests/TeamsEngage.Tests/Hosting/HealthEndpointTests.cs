using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Hosting;

/// <summary>Liveness and readiness: no token needed, nothing told but check names and statuses.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task ARunningBotIsLiveAndReadyWithoutAToken()
    {
        await using var bot = await BotApplication.StartAsync();

        using var live = await bot.Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("""{"status":"Healthy","checks":{}}""", await live.Content.ReadAsStringAsync());
        Assert.Equal("""{"status":"Healthy","checks":{"store":"Healthy","signing-keys":"Healthy"}}""", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnusableStoreMakesTheBotUnreadyButStillLiveAndSaysNoMore()
    {
        await using var bot = await BotApplication.StartAsync();
        MakeUnusable(bot.DataDirectory);

        using var ready = await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await bot.Http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("""{"status":"Unhealthy","checks":{"store":"Unhealthy","signing-keys":"Healthy"}}""", body);
    }

    [Fact]
    public async Task SigningKeysThatCannotBeHadMakeTheBotUnready()
    {
        await using var bot = await BotApplication.StartAsync();
        bot.Issuer.Unavailable = true;

        using var ready = await bot.Http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["signing-keys"]!.GetValue<string>());
    }

    // The embedded store's folder becomes a plain file: no connection to the database can be opened any more.
    private static void MakeUnusable(string dataDirectory)
    {
        // The outbox keeps writing meanwhile: a file it adds during the delete makes one attempt fail.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                SqliteConnection.ClearAllPools();
                System.IO.Directory.Delete(dataDirectory, recursive: true);
                break;
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(50);
            }
        }
        File.WriteAllText(dataDirectory, "not a folder");
    }
}
