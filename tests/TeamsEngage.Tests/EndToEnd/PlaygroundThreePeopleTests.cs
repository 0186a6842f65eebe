using System.Diagnostics;
using System.Text.Json.Nodes;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Playground;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using Xunit.Abstractions;
using static TeamsEngage.Tests.EndToEnd.SampleDistrictPlaygrounds;

namespace TeamsEngage.Tests.EndToEnd;

/// <summary>
/// The real bot with three Playgrounds at once, one per person of the sample district, each on its own port with its
/// own signed-in user and chat: the teacher, the Science liaison and the administrator.
/// </summary>
public sealed class PlaygroundThreePeopleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ATeacherReportsTheLiaisonClaimsAndRepliesUnderHerNameAndTheAdministratorSeesANoticeDeliveredToScience()
    {
        var clock = Stopwatch.StartNew();
        await using var bot = await LiveBot.StartAsync(BotSettings());
        var started = await Task.WhenAll(PlaygroundSession.StartAsync(bot.MessagingEndpoint, As(Teacher)), PlaygroundSession.StartAsync(bot.MessagingEndpoint, As(Liaison)), PlaygroundSession.StartAsync(bot.MessagingEndpoint, As(Admin)));
        await using var teacher = started[0];
        await using var liaison = started[1];
        await using var admin = started[2];
        foreach (var person in started)
        {
            await person.InstallAsync();
            await person.WaitForCardAsync(c => SentCards.TitleOf(c) == "Welcome to TeamsEngage", Patience);
        }

        var (ticketId, reported) = await ReportAsync(teacher);
        var delivered = await liaison.WaitForCardAsync(c => c.ToJsonString().Contains(ticketId, StringComparison.Ordinal), Patience);
        Assert.Contains("Sam Science", SentCards.AllText(delivered.Card!), StringComparison.Ordinal);
        await liaison.InvokeAsync(TicketVerbs.Claim, new JsonObject { ["ticketId"] = ticketId }, delivered.MessageId!);
        await liaison.InvokeAsync(TicketVerbs.Reply, new JsonObject { ["ticketId"] = ticketId, ["replyText"] = "Bringing a spare lamp at 10." }, delivered.MessageId!);
        await teacher.WaitForMessageAsync(m => m.ToJsonString().Contains("Bringing a spare lamp at 10.", StringComparison.Ordinal), Patience);

        var aboutTheTicket = teacher.Messages.Where(m => m.Message is { } message && message.ToJsonString().Contains(ticketId, StringComparison.Ordinal) && m.Card is not null).Select(m => m.Card!).Prepend(reported).ToList();
        Assert.True(aboutTheTicket.Count >= 3, $"the teacher saw {aboutTheTicket.Count} ticket cards");
        foreach (var card in aboutTheTicket)
        {
            output.WriteLine(CardReading.Said(card).Replace('\n', ' ') + Environment.NewLine);
        }
        // The ticket card itself (the form's answer and its updates) has a "Handled by" line; event cards name her too.
        Assert.All(aboutTheTicket, card => Assert.Contains("Lee Liaison", CardReading.Said(card), StringComparison.Ordinal));
        var handledBy = aboutTheTicket.SelectMany(card => CardReading.Texts(card)).Where(t => t.StartsWith("Handled by", StringComparison.Ordinal)).ToList();
        Assert.True(handledBy.Count >= 2, $"{handledBy.Count} \"Handled by\" lines");
        Assert.All(handledBy, line => Assert.Equal("Handled by: Lee Liaison", line));
        Assert.All(aboutTheTicket, card => Assert.DoesNotContain("administrators", CardReading.Said(card), StringComparison.OrdinalIgnoreCase));

        var status = await AnnounceToScienceAsync(admin);
        await teacher.WaitForCardAsync(c => NoticeFlow.Actions(c).Any(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Acknowledge), Patience);
        await liaison.WaitForCardAsync(c => NoticeFlow.Actions(c).Any(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Acknowledge), Patience);
        output.WriteLine(CardReading.Said(status));
        output.WriteLine($"The three people's story took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(90));
    }

    /// <summary>The teacher opens the report form and sends it; returns the ticket id and the card the form became.</summary>
    private static async Task<(string TicketId, JsonNode Card)> ReportAsync(PlaygroundSession teacher)
    {
        var before = teacher.Messages.Count;
        await teacher.SendTextAsync("report");
        var form = await teacher.WaitForCardAsync(c => SentCards.TitleOf(c) == "Report a problem", Patience, fromIndex: before);
        var response = await teacher.InvokeAsync(TicketVerbs.Submit, new JsonObject { ["description"] = "The projector in room 12 shows no picture", ["location"] = "Room 12", ["urgency"] = "StoppingClass" }, form.MessageId!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        var card = response["value"]!;
        var title = SentCards.TitleOf(card)!;
        return (title[(title.LastIndexOf(' ') + 1)..], card);
    }

    /// <summary>The administrator composes a notice for Science, sends it, and reads its status until both people have it and it says 100 %.</summary>
    private static async Task<JsonNode> AnnounceToScienceAsync(PlaygroundSession admin)
    {
        var before = admin.Messages.Count;
        await admin.SendTextAsync("announce");
        var composer = await admin.WaitForCardAsync(c => NoticeFlow.Actions(c).Any(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Preview), Patience, fromIndex: before);
        var form = new JsonObject(NoticeFlow.Form(departments: "SCI").Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : JsonValue.Create(p.Value.ToString()) as JsonNode)));
        var preview = await admin.InvokeAsync(NoticeVerbs.Preview, form, composer.MessageId!);
        var send = NoticeFlow.Actions(preview["value"]!).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send);
        var noticeId = send["data"]!["noticeId"]!.GetValue<string>();
        await admin.InvokeAsync(NoticeVerbs.Send, new JsonObject { ["noticeId"] = noticeId }, composer.MessageId!);
        return await Eventually.ValueAsync(
            async () => (await admin.InvokeAsync(NoticeVerbs.Status, new JsonObject { ["noticeId"] = noticeId }, composer.MessageId!))["value"]!,
            card => card is JsonObject && CardReading.Said(card).Contains("Delivered: 2", StringComparison.Ordinal) && CardReading.Said(card).Contains("Done: 100 %", StringComparison.Ordinal),
            "the notice's status to show both Science people reached");
    }
}
