using TeamsEngage.Testing.Playground;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.EndToEnd;

/// <summary>The real bot, running as a developer runs it, driven through the Microsoft 365 Agents Playground.</summary>
public sealed class PlaygroundConversationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ATeacherInstallsTheBotAndGetsTheWelcomeCardThenTheHelpCard()
    {
        await using var bot = await LiveBot.StartAsync();
        await using var playground = await PlaygroundSession.StartAsync(bot.MessagingEndpoint);

        await playground.InstallAsync();
        var welcome = await playground.WaitForCardAsync(c => SentCards.TitleOf(c) == "Welcome to TeamsEngage", Patience);

        var before = playground.Messages.Count;
        await playground.SendTextAsync("help");
        var help = await playground.WaitForCardAsync(c => SentCards.TitleOf(c) == "What I can do", Patience, fromIndex: before);

        Assert.NotNull(welcome.Card);
        Assert.Contains("Show what TeamsEngage can do for you", help.Card!.ToJsonString(), StringComparison.Ordinal);
        var welcomes = playground.Messages.Count(m => m.Card is { } card && SentCards.TitleOf(card) == "Welcome to TeamsEngage");
        Assert.Equal(1, welcomes);
    }

    [Fact]
    public async Task TheWelcomeCardsButtonShowsHelpThroughAnInvoke()
    {
        await using var bot = await LiveBot.StartAsync();
        await using var playground = await PlaygroundSession.StartAsync(bot.MessagingEndpoint);
        await playground.InstallAsync();
        var welcome = await playground.WaitForCardAsync(c => SentCards.TitleOf(c) == "Welcome to TeamsEngage", Patience);

        var response = await playground.InvokeAsync("help.show", new System.Text.Json.Nodes.JsonObject(), welcome.MessageId!);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        Assert.Equal("What I can do", SentCards.TitleOf(response["value"]!));
    }
}
