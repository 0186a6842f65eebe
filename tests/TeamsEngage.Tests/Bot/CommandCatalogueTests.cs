using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Bot;

public sealed class CommandCatalogueTests
{
    [Fact]
    public async Task EveryCommandInTheCatalogueAndTheManifestIsOneTheBotUnderstands()
    {
        await using var bot = await BotApplication.StartAsync();

        var implemented = bot.Services.GetRequiredService<BotRoutes>().Commands.Select(c => c.Command.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(BotCommands.All.Select(c => c.Name).Order(StringComparer.Ordinal), implemented);
    }

    [Fact]
    public void NoTwoCommandsShareAWord()
    {
        var words = BotCommands.All.SelectMany(c => c.Words).ToList();

        Assert.Equal(words.Count, words.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
