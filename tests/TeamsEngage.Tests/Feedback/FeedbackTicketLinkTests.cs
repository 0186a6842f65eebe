using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

/// <summary>
/// A feedback item turned into a ticket and a ticket logged as a feedback item, through <c>/api/messages</c>: the link
/// kept both ways, made once, refused to people who do not triage the item or handle the ticket, and nothing of an
/// anonymous raiser carried into the ticket.
/// </summary>
public sealed class FeedbackTicketLinkTests
{
    private const string Wifi = "The Wi-Fi in the library drops every afternoon";

    [Fact]
    public async Task ALiaisonOpensATicketFromANamedItemAndItsRaiserBecomesTheReporterWithTheLinkKeptBothWays()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Ana, Wifi, kind: "Complaint");

        var form = CardOf(await bot.ExecuteAsync(Ben, FeedbackVerbs.TicketForm, new { itemId })).ToJsonString();
        var opened = CardOf(await OpenTicketAsync(bot, Ben, itemId));

        var item = await bot.ItemAsync(itemId);
        var ticket = await TicketAsync(bot, item.TicketId!);
        Assert.Contains(Wifi, form, StringComparison.Ordinal);
        Assert.Equal($"{ticket.Id} is open for {itemId}", SentCards.TitleOf(opened));
        Assert.Equal(FeedbackState.UnderReview, item.State);
        Assert.Equal(itemId, ticket.FeedbackId);
        Assert.Equal((Ana.UserId, "Ana Torres", "Library, first floor", TicketUrgency.InTheWay), (ticket.ReporterUserId, ticket.ReporterName, ticket.Location, ticket.Urgency));
        await bot.WaitForSentAsync(Ana, $"Your report {ticket.Id}", $"IT opened this ticket from your feedback {itemId}.");
        await bot.WaitForSentAsync(Ben, ticket.Id, itemId);
        var board = CardOf(await bot.ExecuteAsync(Ben, FeedbackVerbs.Triage, new { itemId })).ToJsonString();
        Assert.Contains($"Ticket: {ticket.Id}", board, StringComparison.Ordinal);
        Assert.DoesNotContain(FeedbackVerbs.TicketForm, board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARaiserWhoRemovedTheBotIsStillNamedAsTheTicketsReporter()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Ana, Wifi, kind: "Complaint");
        await Privacy.PrivacyWorld.UninstallAsync(bot, Ana);

        CardOf(await OpenTicketAsync(bot, Ben, itemId));

        var ticket = await TicketAsync(bot, (await bot.ItemAsync(itemId)).TicketId!);
        Assert.Equal((Ana.UserId, "Ana Torres"), (ticket.ReporterUserId, ticket.ReporterName));
        await bot.WaitForSentAsync(Ben, ticket.Id, "Ana Torres");
    }

    [Fact]
    public async Task PressingOpenTheTicketAgainOrTwiceAtOnceFilesOneTicket()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Ana, Wifi);

        var presses = await Task.WhenAll(OpenTicketAsync(bot, Ben, itemId), OpenTicketAsync(bot, Eli, itemId));
        var again = MessageOf(await OpenTicketAsync(bot, Ben, itemId));

        var linked = await TicketsFromAsync(bot, itemId);
        var ticket = Assert.Single(linked);
        Assert.Equal(ticket.Id, (await bot.ItemAsync(itemId)).TicketId);
        Assert.Equal($"{itemId} already has a ticket: {ticket.Id}.", again);
        // A press that reads the item after the other linked it is told so; one that raced it sees the ticket filed first.
        Assert.All(presses, p => Assert.True(
            p["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive"
                ? SentCards.TitleOf(CardOf(p)) == $"{ticket.Id} is open for {itemId}"
                : MessageOf(p) == again,
            p.ToJsonString()));
    }

    [Fact]
    public async Task AnAnonymousItemBecomesATicketReportedByTheLiaisonWithNothingOfWhoRaisedIt()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Ana, Wifi, anonymous: true);

        var opened = CardOf(await OpenTicketAsync(bot, Ben, itemId)).ToJsonString();

        var ticket = await TicketAsync(bot, (await bot.ItemAsync(itemId)).TicketId!);
        Assert.Contains("reporter. The item stays on the board", opened, StringComparison.Ordinal);
        Assert.Equal((Ben.UserId, "Ben Okafor"), (ticket.ReporterUserId, ticket.ReporterName));
        using (Fixtures.InHomeTenant())
        {
            var rows = bot.Services.GetRequiredService<ITableStore>().Table(TicketStore.TableName).QueryAllAsync(ticket.Id);
            await foreach (var row in rows)
            {
                var stored = string.Join('|', row.Properties.Select(p => $"{p.Key}={p.Value}"));
                foreach (var trace in new[] { Ana.UserId, Ana.AadObjectId, Ana.Name, "ana" })
                {
                    Assert.DoesNotContain(trace, stored, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        await bot.WaitForSentAsync(Ben, ticket.Id);
        Assert.Equal(0, bot.Count(Ana, ticket.Id));
    }

    [Fact]
    public async Task AMemberAndAnotherDepartmentsLiaisonCannotOpenATicketFromAnItemEvenByForgingThePress()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Ana, Wifi);

        var member = MessageOf(await OpenTicketAsync(bot, Gus, itemId));
        var otherLiaison = MessageOf(await OpenTicketAsync(bot, Fay, itemId));
        var memberForm = MessageOf(await bot.ExecuteAsync(Gus, FeedbackVerbs.TicketForm, new { itemId }));

        const string refused = "Only the liaisons of this feedback's department and the administrators can triage it. Nothing was changed.";
        Assert.Equal((refused, refused, refused), (member, otherLiaison, memberForm));
        Assert.Empty(await TicketsFromAsync(bot, itemId));
        Assert.Null((await bot.ItemAsync(itemId)).TicketId);
    }

    [Fact]
    public async Task AnIncompleteTicketFormComesBackWithEachErrorUnderItsFieldAndFilesNothing()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Ana, Wifi);

        var card = CardOf(await bot.ExecuteAsync(Ben, FeedbackVerbs.Ticket, new { itemId, description = "Still dropping", location = "  ", urgency = "Soon" })).ToJsonString();

        Assert.Contains("Still dropping", card, StringComparison.Ordinal);
        Assert.Contains("Say where it happens", card, StringComparison.Ordinal);
        Assert.Contains("How urgent is it?", card, StringComparison.Ordinal);
        Assert.Empty(await TicketsFromAsync(bot, itemId));
        Assert.Equal(FeedbackState.New, (await bot.ItemAsync(itemId)).State);
    }

    [Fact]
    public async Task AClosedItemOpensNoTicket()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Ana, Wifi);
        await bot.MoveAsync(Ben, itemId, "Declined", reason: "The library is being rewired in January.");

        var refused = MessageOf(await OpenTicketAsync(bot, Ben, itemId));

        Assert.Equal($"{itemId} already has its outcome, so no ticket is opened from it.", refused);
        Assert.Empty(await TicketsFromAsync(bot, itemId));
    }

    [Fact]
    public async Task ASpanishSpeakingRaiserGetsTheTicketOpenedFromTheirFeedbackInSpanish()
    {
        await using var bot = await StartAsync();
        var itemId = await bot.FileAsync(Carmen, "La wifi de la biblioteca se corta cada tarde", kind: "Complaint");

        await OpenTicketAsync(bot, Ben, itemId);

        var ticketId = (await bot.ItemAsync(itemId)).TicketId!;
        await bot.WaitForSentAsync(Carmen, $"Tu incidencia {ticketId}", "TI abri", "esta incidencia a partir de tu opini", itemId);
    }

    [Fact]
    public async Task ALiaisonLogsATicketAsFeedbackAndItsReporterFollowsTheItemAndIsToldItsOutcome()
    {
        await using var bot = await StartAsync();
        var ticketId = await ReportAsync(bot);

        var form = CardOf(await bot.ExecuteAsync(Ben, TicketVerbs.FeedbackForm, new { ticketId })).ToJsonString();
        var staff = CardOf(await bot.ExecuteAsync(Ben, TicketVerbs.Feedback, new { ticketId, kind = "Idea", text = "A second colour printer in the library" })).ToJsonString();

        var ticket = await TicketAsync(bot, ticketId);
        var item = await bot.ItemAsync(ticket.FeedbackId!);
        Assert.Contains("Could the library have a second colour printer?", form, StringComparison.Ordinal);
        Assert.Contains($"Ben Okafor logged it as feedback {item.Id}", staff, StringComparison.Ordinal);
        Assert.DoesNotContain(TicketVerbs.FeedbackForm, staff, StringComparison.Ordinal);
        Assert.Equal((FeedbackKind.Idea, "A second colour printer in the library", ticketId, Ana.UserId, false), (item.Kind, item.Text, item.TicketId, item.RaiserUserId, item.Anonymous));
        Assert.Equal("SCI", item.DepartmentCode);
        await bot.WaitForSentAsync(Ana, $"Ben Okafor logged it as feedback {item.Id}");

        await bot.MoveAsync(Ben, item.Id, "Planned", targetDate: "2027-02-01");
        await bot.WaitForSentAsync(Ana, item.Id, "IT has planned it for Mon 1 Feb 2027.");
    }

    [Fact]
    public async Task LoggingATicketAgainOrTwiceAtOnceLogsOneItem()
    {
        await using var bot = await StartAsync();
        var ticketId = await ReportAsync(bot);

        var data = new { ticketId, kind = "Idea", text = "A second colour printer" };
        await Task.WhenAll(bot.ExecuteAsync(Ben, TicketVerbs.Feedback, data), bot.ExecuteAsync(Eli, TicketVerbs.Feedback, data));
        var again = MessageOf(await bot.ExecuteAsync(Ben, TicketVerbs.Feedback, data));

        var itemId = (await TicketAsync(bot, ticketId)).FeedbackId!;
        Assert.Equal($"{ticketId} is already logged as feedback {itemId}.", again);
        using var tenant = Fixtures.InHomeTenant();
        var items = await bot.Store().ListAsync(CancellationToken.None);
        Assert.Single(items, i => i.TicketId == ticketId);
    }

    [Fact]
    public async Task AMemberOrAnotherDepartmentsLiaisonCannotLogSomeoneElsesTicketAsFeedback()
    {
        await using var bot = await StartAsync();
        var ticketId = await ReportAsync(bot);

        var data = new { ticketId, kind = "Idea", text = "forged" };
        var reporter = MessageOf(await bot.ExecuteAsync(Ana, TicketVerbs.Feedback, data));
        var otherLiaison = MessageOf(await bot.ExecuteAsync(Fay, TicketVerbs.Feedback, data));

        const string refused = "Only the liaisons of this issue's department and the administrators can act on it. Nothing was changed.";
        Assert.Equal((refused, refused), (reporter, otherLiaison));
        Assert.Null((await TicketAsync(bot, ticketId)).FeedbackId);
        using var tenant = Fixtures.InHomeTenant();
        Assert.DoesNotContain(await bot.Store().ListAsync(CancellationToken.None), i => i.TicketId == ticketId);
    }

    [Fact]
    public async Task AnIncompleteFeedbackFormFromATicketComesBackWithItsErrorsAndLogsNothing()
    {
        await using var bot = await StartAsync();
        var ticketId = await ReportAsync(bot);

        var card = CardOf(await bot.ExecuteAsync(Ben, TicketVerbs.Feedback, new { ticketId, kind = "Wish", text = " " })).ToJsonString();

        Assert.Contains("Choose what it is.", card, StringComparison.Ordinal);
        Assert.Null((await TicketAsync(bot, ticketId)).FeedbackId);
        using var tenant = Fixtures.InHomeTenant();
        Assert.Empty(await bot.Store().ListAsync(CancellationToken.None));
    }

    private static Task<string> ReportAsync(BotApplication bot) =>
        Tickets.TicketWorld.ReportAsync(bot, Ana, "Could the library have a second colour printer?");

    private static Task<System.Text.Json.Nodes.JsonObject> OpenTicketAsync(BotApplication bot, Persona persona, string itemId) =>
        bot.ExecuteAsync(persona, FeedbackVerbs.Ticket, new { itemId, description = Wifi, location = "Library, first floor", urgency = "InTheWay" });

    private static async Task<Ticket> TicketAsync(BotApplication bot, string ticketId)
    {
        using var tenant = Fixtures.InHomeTenant();
        return (await bot.Services.GetRequiredService<TicketStore>().FindAsync(ticketId, CancellationToken.None))!;
    }

    private static async Task<List<Ticket>> TicketsFromAsync(BotApplication bot, string itemId)
    {
        using var tenant = Fixtures.InHomeTenant();
        var linked = new List<Ticket>();
        await foreach (var ticket in bot.Services.GetRequiredService<TicketStore>().ListOpenAsync(CancellationToken.None))
        {
            if (ticket.FeedbackId == itemId)
            {
                linked.Add(ticket);
            }
        }
        return linked;
    }
}
