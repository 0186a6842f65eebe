using System.Text.Json.Nodes;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Calendar;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

/// <summary>The liaison's <c>queue</c>: current, filtered, paged, and something to act from.</summary>
public sealed class TicketQueueTests
{
    [Fact]
    public async Task EachTicketOnTheQueueCanBeClaimedFromItAndTheQueueThenShowsItTaken()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var first = await bot.ReportAsync(Ana, "Projector dead", "1700000000901");
        var second = await bot.ReportAsync(Ana, "Printer jams", "1700000000902");
        await bot.SayAsAsync(Ben, "queue");
        var queue = SentCards.CardOf(bot.SentTo(Ben).Last(a => SentCards.TitleOf(a) == "Open issues"));
        Assert.Equal([(TicketVerbs.QueueClaim, first), (TicketVerbs.QueueClaim, second)], Buttons(queue, TicketVerbs.QueueClaim));
        Assert.Equal([(TicketVerbs.QueueOpen, first), (TicketVerbs.QueueOpen, second)], Buttons(queue, TicketVerbs.QueueOpen));

        var after = CardOf(await bot.ActAsync(Ben, TicketVerbs.QueueClaim, new { ticketId = first, filter = "All", page = 0 }));

        Assert.Equal([(TicketVerbs.QueueClaim, second)], Buttons(after, TicketVerbs.QueueClaim));
        Assert.Contains("Ben Okafor", CardReading.Said(after), StringComparison.Ordinal);
        Assert.Equal((TicketStatus.Claimed, "Ben Okafor"), await StatusAsync(bot, first));
        await bot.WaitForSentAsync(Ana, first, "Ben Okafor is on it");
    }

    [Fact]
    public async Task ClaimingFromTheQueueWhatSomeoneElseTookIsRefusedWithTheirName()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        await bot.ActAsync(Dana, TicketVerbs.Claim, new { ticketId = id });

        var refused = MessageOf(await bot.ActAsync(Ben, TicketVerbs.QueueClaim, new { ticketId = id }));

        Assert.Contains("Dana Park claimed " + id + " first", refused, StringComparison.Ordinal);
        Assert.Equal((TicketStatus.Claimed, "Dana Park"), await StatusAsync(bot, id));
    }

    [Fact]
    public async Task TheFiltersShowMineNotTakenAndOverdue()
    {
        var monday = CalendarWorld.InNewYork(2026, 12, 7, 9);
        var (bot, clock) = await CalendarWorld.StartAsync(monday);
        await using var _ = bot;
        using var home = Fixtures.InHomeTenant();
        var taken = await bot.ReportAsync(Ana, "Projector dead", "1700000000901");
        var waiting = await bot.ReportAsync(Ana, "Printer jams", "1700000000902");
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = taken });

        Assert.Equal([taken], await ShownAsync(bot, "Mine"));
        Assert.Equal([waiting], await ShownAsync(bot, "Unclaimed"));
        Assert.Empty(await ShownAsync(bot, "Overdue"));
        var none = CardOf(await bot.ActAsync(Ben, TicketVerbs.Queue, new { filter = "Overdue" }));
        Assert.Contains("Nothing open matches this filter.", CardReading.Said(none), StringComparison.Ordinal);

        clock.SetUtcNow(CalendarWorld.InNewYork(2026, 12, 9, 9));
        Assert.Equal([taken, waiting], await ShownAsync(bot, "Overdue"));
        Assert.Equal([taken, waiting], await ShownAsync(bot, "All"));
    }

    [Fact]
    public async Task ALongQueueIsPagedEightAtATimeOldestPromiseFirst()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await bot.ReportAsync(Ana, $"Problem number {i}", $"17000000009{i:D2}"));
        }

        var page1 = CardOf(await bot.ActAsync(Ben, TicketVerbs.Queue, new { filter = "All", page = 0 }));
        var page2 = CardOf(await bot.ActAsync(Ben, TicketVerbs.Queue, new { filter = "All", page = 1 }));

        Assert.Equal(ids[..8], Buttons(page1, TicketVerbs.QueueOpen).Select(b => b.Ticket));
        Assert.Equal(ids[8..], Buttons(page2, TicketVerbs.QueueOpen).Select(b => b.Ticket));
        Assert.Contains("All: 10 · page 1 of 2", CardReading.Said(page1), StringComparison.Ordinal);
        Assert.Contains("Next", CardReading.ActionTitles(page1));
        Assert.DoesNotContain("Next", CardReading.ActionTitles(page2));
        Assert.Contains("Previous", CardReading.ActionTitles(page2));
    }

    [Fact]
    public async Task OpeningATicketFromTheQueueSendsItsCardWithEveryAction()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        bot.Connector.ClearRequests();

        var answer = MessageOf(await bot.ActAsync(Ben, TicketVerbs.QueueOpen, new { ticketId = id }));

        Assert.Equal($"The card of {id} is on its way, with every action.", answer);
        await bot.WaitForSentAsync(Ben, id, TicketVerbs.Claim, TicketVerbs.Reply, TicketVerbs.Resolve);
    }

    [Fact]
    public async Task ATeacherCannotBrowseTheQueueNorClaimOrOpenFromItByForgingItsButtons()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        bot.Connector.ClearRequests();

        var answers = await Task.WhenAll(
            bot.ActAsync(Gus, TicketVerbs.Queue, new { filter = "All" }),
            bot.ActAsync(Gus, TicketVerbs.QueueClaim, new { ticketId = id }),
            bot.ActAsync(Gus, TicketVerbs.QueueOpen, new { ticketId = id }));

        Assert.All(answers, a => Assert.Equal("application/vnd.microsoft.activity.message", a["type"]?.GetValue<string>()));
        Assert.Equal((TicketStatus.Open, (string?)null), await StatusAsync(bot, id));
        Assert.Empty(bot.SentTo(Gus));
    }

    [Fact]
    public async Task ASpanishLiaisonGetsTheQueueInSpanish()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        await bot.ReportAsync(Ana);

        var queue = CardOf(await bot.ActAsync(Ben.WithLocale("es-MX"), TicketVerbs.Queue, new { filter = "Unclaimed" }));

        Assert.Equal("Incidencias abiertas", SentCards.TitleOf(queue));
        Assert.Contains("Sin asumir: 1 · página 1 de 1", CardReading.Said(queue), StringComparison.Ordinal);
        Assert.Contains("Asumir", AllTitles(queue));
        Assert.Contains("Actualizar", CardReading.ActionTitles(queue));
    }

    private static async Task<IReadOnlyList<string>> ShownAsync(BotApplication bot, string filter) =>
        [.. Buttons(CardOf(await bot.ActAsync(Ben, TicketVerbs.Queue, new { filter })), TicketVerbs.QueueOpen).Select(b => b.Ticket)];

    private static async Task<(TicketStatus, string?)> StatusAsync(BotApplication bot, string id)
    {
        var ticket = (await bot.Store().FindAsync(id, CancellationToken.None))!;
        return (ticket.Status, ticket.ClaimedByName);
    }

    /// <summary>Every button of the card with <paramref name="verb"/>, in order, with the ticket it names.</summary>
    private static List<(string Verb, string Ticket)> Buttons(JsonNode card, string verb) =>
        [.. Actions(card).Where(a => a["verb"]?.GetValue<string>() == verb).Select(a => (verb, a["data"]!["ticketId"]!.GetValue<string>()))];

    private static List<string> AllTitles(JsonNode card) => [.. Actions(card).Select(a => a["title"]!.GetValue<string>())];

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Execute" && o.Parent is JsonArray => [o],
        JsonObject o => o.Where(p => p.Key != "refresh").SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };
}
