using System.Text.Json.Nodes;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Tickets;

/// <summary>A ticket changing hands: to a person, a department, the administrators, or released; and the cards of those it left.</summary>
public sealed class TicketHandsTests
{
    [Fact]
    public async Task AfterAMoveTheOldLiaisonsCardLosesItsButtonsAndSaysWhoHasItNow()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        await bot.WaitForSentAsync(Ben, id, TicketVerbs.Claim);
        var benCardId = await bot.DeliveredCardIdAsync(id, Ben);

        await bot.ActAsync(Eli, TicketVerbs.Reassign, new { ticketId = id, target = "d:ART" });

        await bot.WaitForUpdateAsync(benCardId, $"{id} is now with Fay Moreno. Nothing on this card is yours to do any more.");
        var update = bot.Connector.Requests.Last(r => r.Route == ConnectorRoute.Update && r.ActivityId == benCardId);
        Assert.DoesNotContain("\"verb\"", update.Body, StringComparison.Ordinal);
        await bot.WaitForSentAsync(Fay, id, TicketVerbs.Claim, TicketVerbs.Resolve);
    }

    [Fact]
    public async Task TheLiaisonWhoMovesATicketAwayIsLeftACardWithNothingToDo()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);

        var english = CardOf(await bot.ActAsync(Ben, TicketVerbs.Reassign, new { ticketId = id, target = "d:ART" }));

        Assert.Contains($"{id} is now with Fay Moreno.", CardReading.Said(english), StringComparison.Ordinal);
        Assert.Empty(CardReading.ActionTitles(english));
        var second = await bot.ReportAsync(Ana, "The printer jams", "1700000000901");
        var spanish = CardOf(await bot.ActAsync(Ben.WithLocale("es-MX"), TicketVerbs.Reassign, new { ticketId = second, target = "d:MAT" }));
        Assert.Contains($"{second} ahora está a cargo de los administradores de TI.", CardReading.Said(spanish), StringComparison.Ordinal);
        Assert.Empty(CardReading.ActionTitles(spanish));
    }

    [Fact]
    public async Task ATicketCanBeHandedToTheAdministratorsFromItsCard()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        var benCard = CardOf(await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = id }));
        Assert.Contains(TicketReassignment.ToAdministrators, ReassignChoices(benCard));
        Assert.Contains(TicketReassignment.Release, ReassignChoices(benCard));

        await bot.ActAsync(Ben, TicketVerbs.Reassign, new { ticketId = id, target = TicketReassignment.ToAdministrators });

        var ticket = (await bot.Store().FindAsync(id, CancellationToken.None))!;
        Assert.Equal(("SCI", (string?)null, (string?)null, TicketStatus.Open), (ticket.DepartmentCode, ticket.AssigneeKey, ticket.ClaimedByKey, ticket.Status));
        await bot.WaitForSentAsync(Eli, id, "Ben Okafor reassigned it to the IT administrators", TicketVerbs.Claim);
    }

    [Fact]
    public async Task WhoeverClaimedATicketCanReleaseItAndItsLiaisonIsTold()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await bot.ReportAsync(Ana);
        await bot.ActAsync(Dana, TicketVerbs.Claim, new { ticketId = id });
        bot.Connector.ClearRequests();

        var released = CardOf(await bot.ActAsync(Dana, TicketVerbs.Reassign, new { ticketId = id, target = TicketReassignment.Release }));

        Assert.Contains(TicketVerbs.Claim, released.ToJsonString(), StringComparison.Ordinal);
        var ticket = (await bot.Store().FindAsync(id, CancellationToken.None))!;
        Assert.Equal((TicketStatus.Open, (string?)null, "Ben Okafor"), (ticket.Status, ticket.ClaimedByName, ticket.AssigneeName));
        await bot.WaitForSentAsync(Ben, $"Dana Park released {id}: it waits for someone to claim it.", TicketVerbs.Claim);
        Assert.Equal(
            "Nobody has claimed this ticket, so there is nothing to release. Nothing was changed.",
            MessageOf(await bot.ActAsync(Dana, TicketVerbs.Reassign, new { ticketId = id, target = TicketReassignment.Release })));
    }

    private static List<string> ReassignChoices(JsonNode card) =>
        [.. Inputs(card).Where(i => i["id"]?.GetValue<string>() == "target").SelectMany(i => i["choices"]!.AsArray()).Select(c => c!["value"]!.GetValue<string>())];

    private static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Input.ChoiceSet" => [o],
        JsonObject o => o.SelectMany(p => Inputs(p.Value)),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };
}
