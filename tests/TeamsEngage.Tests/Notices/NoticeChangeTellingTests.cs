using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Localization;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>
/// A change to a notice that is out is told to the people it reached with a new message (an updated card raises no
/// notification), once each; a material change asks them to acknowledge again; a typo fix tells nobody.
/// </summary>
public sealed class NoticeChangeTellingTests
{
    // "Schedule changed: Tue 4 Mar, 6:00 PM → Thu 6 Mar, 6:00 PM (Central time)", with the culture's own spaces.
    private static readonly string Moved = Texts.English.Notice_Told_Schedule(
        PeopleTime.DayAndTime(new DateTimeOffset(2031, 3, 5, 0, 0, 0, TimeSpan.Zero), PeopleTime.ZoneOrUtc("America/Chicago"), Texts.English),
        PeopleTime.DayAndTime(new DateTimeOffset(2031, 3, 7, 0, 0, 0, TimeSpan.Zero), PeopleTime.ZoneOrUtc("America/Chicago"), Texts.English),
        "Central time");

    private static readonly object Thursday = new { startDate = "2031-03-06", startTime = "18:00", endDate = "2031-03-06", endTime = "20:00", timeZone = "America/Chicago" };

    [Fact]
    public async Task ReschedulingTellsEveryoneTheNoticeReachedOnceInTheirLanguageAndNobodyElse()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendEverywhereAsync(bot);

        var outcome = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.RescheduleSave, With(Thursday, id)));

        Assert.Contains("4 people will be told with a new message.", NoticeCardTests.TextBlocks(outcome).First(), StringComparison.Ordinal);
        await UntilToldAsync(bot, [Persona.Ana, Persona.Ben, Persona.Carmen, Dan]);
        var ben = SentCards.CardOf(Assert.Single(Told(bot, Persona.Ben)));
        Assert.Equal(Moved, NoticeCardTests.TextBlocks(ben).First());
        Assert.StartsWith("Schedule changed: Tue 4 Mar, 6:00", Moved, StringComparison.Ordinal);
        Assert.Contains("Notice: Gradebook upgrade \\*tonight\\*", NoticeCardTests.TextBlocks(ben));
        Assert.Contains("please read the updated notice and acknowledge it again", ben.ToJsonString(), StringComparison.Ordinal);
        var carmen = SentCards.CardOf(Assert.Single(Told(bot, Persona.Carmen)));
        Assert.StartsWith("Cambio de horario: ", NoticeCardTests.TextBlocks(carmen).First(), StringComparison.Ordinal);
        Assert.EndsWith("(hora del Centro)", NoticeCardTests.TextBlocks(carmen).First(), StringComparison.Ordinal);
        Assert.Contains("Aviso: Gradebook upgrade", carmen.ToJsonString(), StringComparison.Ordinal);
        await AssertParsedAsync("notice.change.en", ben);
        await AssertParsedAsync("notice.change.es", carmen);
        // Eve is in the audience but never installed the app: her card never reached her, so nothing tells her of the change.
        Assert.Empty(bot.SentTo(Eve));
        var deliveries = await bot.Services.GetRequiredService<TeamsEngage.Outbox.IOutbox>().ReadDeliveriesAsync(Notice.ChangeIdOf(id, 1)).ToListAsync();
        Assert.Equal(4, deliveries.Count);
    }

    [Fact]
    public async Task AMaterialChangeAsksForAcknowledgementAgainAndTheStatusCountsTheCurrentVersion()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendEverywhereAsync(bot);
        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));
        Assert.Equal("1 of 4 delivered", Acknowledged(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }))));

        CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.RescheduleSave, With(Thursday, id)));

        Assert.Equal("0 of 4 delivered", Acknowledged(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }))));
        var updates = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, 4, TimeSpan.FromSeconds(20));
        var benUpdate = updates.Single(u => u.ConversationId == Persona.Ben.ConversationId);
        Assert.Contains("This notice changed since you acknowledged it: please acknowledge it again.", benUpdate.Body, StringComparison.Ordinal);
        Assert.Contains(NoticeVerbs.Acknowledge, benUpdate.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("You acknowledged", benUpdate.Body, StringComparison.Ordinal);
        await AssertParsedAsync("notice.card.acknowledge-again", SentCards.CardOf(benUpdate.ReadActivity()!));
        Assert.DoesNotContain("since you acknowledged", updates.Single(u => u.ConversationId == Dan.ConversationId).Body, StringComparison.Ordinal);

        var again = CardOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));

        Assert.Contains(NoticeCardTests.TextBlocks(again), t => t.StartsWith("You acknowledged this notice on", StringComparison.Ordinal));
        Assert.Equal("1 of 4 delivered", Acknowledged(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }))));
        // The first acknowledgement stays in the row's history, though it no longer counts.
        var row = await bot.Services.GetRequiredService<ITableStore>().Table(NoticeAcknowledgements.AcksTable)
            .GetAsync(StoreKey.Escape(id), StoreKey.Escape(Persona.Ben.UserId));
        Assert.NotNull(row);
        Assert.Equal(1, row.GetInt32("Round"));
        Assert.StartsWith("round 0 at ", row.GetString("Earlier"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypoFixUpdatesTheCardsTellsNobodyAndKeepsTheAcknowledgements()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendEverywhereAsync(bot);
        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));
        var typo = Form(audience: "Everyone", noticeId: id);
        typo["what"] = "The gradebook moves to version 5.1.";

        var outcome = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Save, typo));

        Assert.Equal("Saved: the details changed. 4 delivered cards are being updated.", NoticeCardTests.TextBlocks(outcome).First());
        var updates = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, 4, TimeSpan.FromSeconds(20));
        Assert.Contains("You acknowledged this notice on", updates.Single(u => u.ConversationId == Persona.Ben.ConversationId).Body, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(new[] { Persona.Ana, Persona.Ben, Persona.Carmen, Dan }, p => Assert.Empty(Told(bot, p)));
        Assert.Equal("1 of 4 delivered", Acknowledged(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }))));
    }

    [Fact]
    public async Task AnEditWhoseAuthorAsksToAcknowledgeAgainTellsEveryoneAndResetsTheAcknowledgements()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendEverywhereAsync(bot);
        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));
        var edit = Form(audience: "Everyone", noticeId: id);
        edit["what"] = "The gradebook moves to version 6, not 5.";
        edit["ackAgain"] = "true";

        var outcome = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Save, edit));

        Assert.Equal(
            "Saved: the details changed. 4 delivered cards are being updated. 4 people will be told with a new message. Acknowledgement is asked again: earlier acknowledgements no longer count.",
            NoticeCardTests.TextBlocks(outcome).First());
        await UntilToldAsync(bot, [Persona.Ana, Persona.Ben, Persona.Carmen, Dan]);
        Assert.Equal("Notice updated: the details changed.", NoticeCardTests.TextBlocks(SentCards.CardOf(Told(bot, Persona.Ben).Single())).First());
        Assert.Equal("0 of 4 delivered", Acknowledged(CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }))));
    }

    [Fact]
    public async Task EveryoneIsToldExactlyOnceWhenTeamsThrottlesTheMessages()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendEverywhereAsync(bot);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 3);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 2, conversationId: Persona.Carmen.ConversationId);

        CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.RescheduleSave, With(Thursday, id)));

        await UntilToldAsync(bot, [Persona.Ana, Persona.Ben, Persona.Carmen, Dan]);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(new[] { Persona.Ana, Persona.Ben, Persona.Carmen, Dan }, p => Assert.Single(Told(bot, p)));
        Assert.Contains(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.Send), r => r.ResponseStatus == 429);
    }

    [Fact]
    public async Task TheRescheduleAndEditFormsSayWhatSavingWillDoBeforeSaving()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendEverywhereAsync(bot);

        var reschedule = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Reschedule, new { noticeId = id }));
        var edit = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Edit, new { noticeId = id }));

        Assert.Contains("4 people will be told with a new message; acknowledgement will be asked again.", NoticeCardTests.TextBlocks(reschedule));
        Assert.Contains(NoticeCardTests.TextBlocks(edit), t => t.StartsWith("4 people have this notice. Changing the date or time tells them", StringComparison.Ordinal));
        var toggles = NoticeFlow.Walk(edit).Where(o => o["type"]?.GetValue<string>() == "Input.Toggle").Select(o => o["id"]!.GetValue<string>());
        Assert.Contains("tell", toggles);
        Assert.Contains("ackAgain", toggles);
        await AssertParsedAsync("notice.reschedule.reached", reschedule);
        await AssertParsedAsync("notice.composer.live.reached", edit);
    }

    [Fact]
    public async Task AMemberOrAnotherAdministratorCannotRescheduleAndNobodyIsTold()
    {
        await using var bot = await StartSchoolAsync(new Dictionary<string, string?> { ["TeamsEngage:Administrators:1"] = Dan.AadObjectId });
        using var home = Fixtures.InHomeTenant();
        var id = await SendEverywhereAsync(bot);

        var member = MessageOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.RescheduleSave, With(Thursday, id)));
        var otherAdmin = MessageOf(await bot.ExecuteAsync(Dan, NoticeVerbs.RescheduleSave, With(Thursday, id)));

        Assert.Equal("Only administrators can manage notices.", member);
        Assert.Equal("Only the author of this notice can change it.", otherAdmin);
        var notice = await bot.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
        Assert.Equal(0, notice!.Revision);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.All(new[] { Persona.Ana, Persona.Ben, Persona.Carmen, Dan }, p => Assert.Empty(Told(bot, p)));
    }

    // Sent to everyone: Ana, Ben, Carmen (Spanish) and Dan get it; Eve cannot be reached. Returns once it settled.
    private static async Task<string> SendEverywhereAsync(BotApplication bot)
    {
        var id = await SendAsync(bot, Form(audience: "Everyone"));
        await UntilSettledAsync(bot, id);
        await UntilDeliveredAsync(bot, id, 4);
        return id;
    }

    private static Dictionary<string, object?> With(object window, string id)
    {
        var data = System.Text.Json.JsonSerializer.SerializeToNode(window)!.AsObject().ToDictionary(p => p.Key, p => (object?)p.Value!.GetValue<string>());
        data["noticeId"] = id;
        return data;
    }

    // The messages telling the persona that a notice changed (cards without the notice's own buttons).
    private static IReadOnlyList<TeamsEngage.Connector.Schema.Activity> Told(BotApplication bot, Persona persona) =>
        [.. bot.SentTo(persona).Where(a => a.Attachments is { Count: > 0 } && SentCards.CardOf(a).ToJsonString() is var json
            && (json.Contains("Schedule changed", StringComparison.Ordinal) || json.Contains("Cambio de horario", StringComparison.Ordinal)
                || json.Contains("Notice updated:", StringComparison.Ordinal) || json.Contains("Aviso actualizado:", StringComparison.Ordinal)))];

    private static Task UntilToldAsync(BotApplication bot, IReadOnlyList<Persona> people) =>
        Eventually.TrueAsync(() => people.All(p => Told(bot, p).Count >= 1), "everyone the notice reached to be told of the change");

    private static async Task AssertParsedAsync(string name, System.Text.Json.Nodes.JsonNode card)
    {
        var report = await TeamsEngage.Testing.Cards.AdaptiveCardsParser.ValidateAsync(name, card);
        Assert.True(report.IsValid, report.ToString());
    }

    private static string Acknowledged(System.Text.Json.Nodes.JsonNode status) =>
        status["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()
            .Single(f => f!["title"]!.GetValue<string>() == "Acknowledged")!["value"]!.GetValue<string>();
}
