using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

public sealed class TicketChannelTests
{
    private const string ScienceChannel = "19:science-it@thread.tacv2";

    [Fact]
    public async Task ADepartmentsTeamsChannelGetsTheTicketCardAndSeesItUpdated()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        await bot.ActAsync(Eli, "departments.save", new
        {
            originalCode = "SCI", code = "SCI", name = "Science", responseHours = "4",
            liaison = DirectorySeeding.KeyOf(Ben), backup = DirectorySeeding.KeyOf(Dana), channel = ScienceChannel,
        });
        using (var mention = await bot.PostFixtureAsync("message-channel-mention.json", Ben, new Dictionary<string, string> { ["text"] = "help" }))
        {
            mention.EnsureSuccessStatusCode();
        }
        bot.Connector.ClearRequests();

        var id = await bot.ReportAsync(Ana);
        var posted = Assert.Single(await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.ConversationId == ScienceChannel && r.Body.Contains(id, StringComparison.Ordinal)));
        await bot.WaitForSentAsync(Ben, id, TicketVerbs.Claim);
        await UntilRecordedAsync(bot, id, ScienceChannel);
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = id });

        var update = Assert.Single(await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.ConversationId == ScienceChannel, 1, TimeSpan.FromSeconds(20)));
        Assert.Contains(TicketVerbs.Claim, posted.Body, StringComparison.Ordinal);
        Assert.Contains(id, update.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"" + TicketVerbs.Claim + "\"", update.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChannelTheBotHasNeverSeenIsSkippedAndTheLiaisonStillGetsTheTicket()
    {
        await using var bot = await StartAsync();
        await bot.ActAsync(Eli, "departments.save", new
        {
            originalCode = "SCI", code = "SCI", name = "Science", responseHours = "4",
            liaison = DirectorySeeding.KeyOf(Ben), backup = DirectorySeeding.KeyOf(Dana), channel = "19:never-seen@thread.tacv2",
        });
        bot.Connector.ClearRequests();

        var id = await bot.ReportAsync(Ana);

        await bot.WaitForSentAsync(Ben, id, TicketVerbs.Claim);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.ConversationId == "19:never-seen@thread.tacv2");
    }

    /// <summary>A card is recorded for updates once the outbox has marked it delivered, just after the connector answered.</summary>
    private static Task UntilRecordedAsync(BotApplication bot, string ticketId, string conversationId) =>
        Eventually.TrueAsync(
            async () => (await bot.Store().CardsAsync(ticketId, default)).Any(c => c.ConversationId == conversationId),
            $"the card in {conversationId} to be recorded");
}
