using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Directory;

/// <summary>A district installs the app for everyone at once while Teams throttles the bot.</summary>
public sealed class MassInstallTests
{
    [Fact]
    public async Task EveryoneInstallingAtOnceGetsExactlyOneWelcomeAndNoInstallTurnFailsUnderThrottling()
    {
        var people = Enumerable.Range(1, 48).Select(i => Persona.Create($"Teacher {i}", $"mass-{i}")).ToList();
        await using var bot = await DirectorySeeding.StartAsync(settings: Outbox.OutboxHost.FastSettings());
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 6);

        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(people.Select(async person =>
        {
            await gate.WaitAsync();
            try
            {
                // Teams announces an install twice; both turns must succeed, and only one welcome may follow.
                await bot.InstallAsync(person, welcomed: false);
                using var update = await bot.PostFixtureAsync("conversation-update-bot-added.json", person);
                update.EnsureSuccessStatusCode();
            }
            finally
            {
                gate.Release();
            }
        }));

        await Eventually.TrueAsync(() => people.All(p => bot.SentTo(p).Count >= 1), "a welcome for everyone", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(people, p => Assert.Equal("Welcome to TeamsEngage", SentCards.TitleOf(Assert.Single(bot.SentTo(p)))));
        Assert.Contains(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.Send), r => r.ResponseStatus == 429);
    }
}
