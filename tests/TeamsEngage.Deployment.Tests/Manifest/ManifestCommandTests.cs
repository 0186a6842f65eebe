using TeamsEngage.Commands;
using TeamsEngage.Deployment.Tests.Support;

namespace TeamsEngage.Deployment.Tests.Manifest;

public class ManifestCommandTests
{
    [Fact]
    public void TheMenuHoldsNoMoreThanTheTwelveTeamsAllowsAndOnlyCommandsTheBotKnows()
    {
        Assert.InRange(BotCommands.Menu.Count, 1, 12);
        Assert.All(BotCommands.Menu, command => Assert.Contains(command, BotCommands.All));
        Assert.Equal(BotCommands.Menu.Count, BotCommands.Menu.Distinct().Count());
    }

    [Fact]
    public void EveryCommandListNamesExactlyTheMenusCommands()
    {
        var expected = BotCommands.Menu.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var lists = ManifestSamples.Manifest()["bots"]![0]!["commandLists"]!.AsArray();

        Assert.NotEmpty(lists);
        Assert.All(lists, list =>
        {
            var titles = list!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(expected, titles.Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public void EveryManifestCommandHasADescription()
    {
        var commands = ManifestSamples.Manifest()["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany(list => list!["commands"]!.AsArray());

        Assert.All(commands, command => Assert.False(string.IsNullOrWhiteSpace((string?)command!["description"])));
    }

    [Fact]
    public void OneCommandListServesPersonalChatsAndOneServesTeamsAndGroupChats()
    {
        var scopes = ManifestSamples.Manifest()["bots"]![0]!["commandLists"]!.AsArray()
            .Select(list => string.Join(',', list!["scopes"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["groupChat,team", "personal"], scopes);
    }
}
