using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Tests.Support;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>After a notice went out: acknowledging, concerns, rescheduling, cancelling, status and the reminder.</summary>
public sealed class ManageNoticeTests
{
    [Fact]
    public async Task AcknowledgingIsRecordedOnceAndAnswersWithTheAcknowledgedCard()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendAsync(bot, Form());
        await WaitForNoticeAsync(bot, Persona.Ben);

        var first = CardOf(await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id })));
        var second = CardOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));

        Assert.Contains(NoticeCardTests.TextBlocks(first), t => t.StartsWith("You acknowledged this notice on", StringComparison.Ordinal));
        Assert.DoesNotContain(Actions(first), a => a["verb"]!.GetValue<string>() == NoticeVerbs.Acknowledge);
        Assert.Equal(NoticeCardTests.TextBlocks(first), NoticeCardTests.TextBlocks(second));
        var acks = bot.Services.GetRequiredService<NoticeAcknowledgements>();
        Assert.Equal([Persona.Ben.UserId], await acks.ListUserIdsAsync(id, 0, CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneTheNoticeWasNotSentToCannotAcknowledgeIt()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendAsync(bot, Form());
        await WaitForNoticeAsync(bot, Persona.Ben);

        var forged = await bot.ExecuteAsync(Persona.Carmen, NoticeVerbs.Acknowledge, new { noticeId = id });

        Assert.Equal("Este aviso no se te ha enviado, así que no hay nada que confirmar.", MessageOf(forged));
        Assert.Empty(await bot.Services.GetRequiredService<NoticeAcknowledgements>().ListUserIdsAsync(id, 0, CancellationToken.None));
    }

    [Fact]
    public async Task TheConcernButtonOpensAShortFormNamingTheNotice()
    {
        await using var bot = await StartSchoolAsync();
        var id = await SendAsync(bot, Form());

        var card = SentCards.CardOf(Assert.Single(await WaitForNoticeAsync(bot, Persona.Ben)));

        var concern = Actions(card).Single(a => a["verb"]!.GetValue<string>() == NoticeVerbs.Concern);
        Assert.Equal(id, concern["data"]!["noticeId"]!.GetValue<string>());
        Assert.Contains("I have a concern", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReschedulingUpdatesEveryDeliveredCardInPlaceSaysWhatChangedAndAsksForAcknowledgementAgain()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendAsync(bot, Form());
        Assert.Single(await WaitForNoticeAsync(bot, Persona.Ben));
        Assert.Single(await WaitForNoticeAsync(bot, Dan));
        await UntilDeliveredAsync(bot, id, 2);
        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));

        var outcome = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.RescheduleSave, new
        {
            noticeId = id, startDate = "2031-03-05", startTime = "18:00", endDate = "2031-03-05", endTime = "21:00", timeZone = "America/Chicago",
        }));

        Assert.StartsWith("Saved: the schedule changed. 2 delivered cards", NoticeCardTests.TextBlocks(outcome).First(), StringComparison.Ordinal);
        var updates = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, 2, TimeSpan.FromSeconds(20));
        var benUpdate = updates.Single(u => u.ConversationId == Persona.Ben.ConversationId);
        var danUpdate = updates.Single(u => u.ConversationId == Dan.ConversationId);
        Assert.All(updates, u => Assert.Contains("Updated: the schedule changed.", u.Body, StringComparison.Ordinal));
        Assert.Contains("Wed 5 Mar", benUpdate.Body, StringComparison.Ordinal);
        Assert.Contains("please acknowledge it again", benUpdate.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("You acknowledged", benUpdate.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("You acknowledged", danUpdate.Body, StringComparison.Ordinal);
        // In place: each update replaces the very message the outbox recorded as delivered to that person.
        var delivered = await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(id).ToListAsync();
        Assert.Equal(
            delivered.Where(d => d.Status == DeliveryStatus.Sent).Select(d => (d.ConversationId, d.ActivityId)).Order(),
            updates.Select(u => ((string?)u.ConversationId, (string?)u.ActivityId)).Order());
    }

    [Fact]
    public async Task CancellingStopsPendingDeliveriesAndMarksDeliveredCardsCancelled()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("2"), times: 20, conversationId: Dan.ConversationId);
        var id = await SendAsync(bot, Form());
        await WaitForNoticeAsync(bot, Persona.Ben);
        await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.ConversationId == Dan.ConversationId);
        await UntilDeliveredAsync(bot, id, 1);

        var outcome = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Cancel, new { noticeId = id }));
        // Teams would now take Dan's message: only the cancel stands between Dan and the notice, also for the send
        // that was already waiting out the Retry-After when the cancel came.
        bot.Connector.ClearScript();

        Assert.StartsWith("Cancelled: 1 pending messages stopped, 1 delivered cards", NoticeCardTests.TextBlocks(outcome).First(), StringComparison.Ordinal);
        var update = Assert.Single(await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, 1, TimeSpan.FromSeconds(20)));
        Assert.Equal(Persona.Ben.ConversationId, update.ConversationId);
        Assert.Contains("This notice was cancelled.", update.Body, StringComparison.Ordinal);
        bool DanReached() => bot.Connector.Requests.Any(r => r.Route == ConnectorRoute.Send && r.ConversationId == Dan.ConversationId && r.Succeeded);
        await Eventually.TrueAsync(
            () => DanReached() || bot.Logs.GetSnapshot().Any(r => r.Message.Contains("recorded as Cancelled", StringComparison.Ordinal)),
            "the outbox to settle Dan's waiting delivery");
        Assert.False(DanReached(), "Dan was sent the notice after it was cancelled.");
        Assert.Empty(Delivered(bot, Dan));
    }

    [Fact]
    public async Task StatusCountsDeliveryFailuresAndAcknowledgementsByDepartmentAndTheReminderGoesOnce()
    {
        await using var bot = await StartSchoolAsync();
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.MessageWritesBlocked(), conversationId: Persona.Carmen.ConversationId);
        var id = await SendAsync(bot, Form(audience: "Everyone"));
        await WaitForNoticeAsync(bot, Persona.Ben);
        await WaitForNoticeAsync(bot, Dan);
        await WaitForNoticeAsync(bot, Persona.Ana);
        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));

        var status = CardOf(await UntilStatusSettledAsync(bot, id));

        var facts = status["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal("5", facts["Recipients"]);
        Assert.Equal("3", facts["Delivered"]);
        Assert.Equal("0", facts["Pending"]);
        Assert.Equal("2 (app not installed: 1, blocked the bot: 1)", facts["Could not be reached"]);
        Assert.Equal("1 of 3 delivered", facts["Acknowledged"]);
        var rows = NoticeCardTests.TextBlocks(status).ToList();
        Assert.Equal(["Science", "2", "0", "0", "1"], rows.SkipWhile(t => t != "Science").Take(5));
        Assert.Equal(["Mathematics", "0", "0", "1", "0"], rows.SkipWhile(t => t != "Mathematics").Take(5));

        bot.Connector.ClearRequests();
        var remind = MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Remind, new { noticeId = id }));
        var again = MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Remind, new { noticeId = id }));

        Assert.Equal("Reminder on its way to 2 people.", remind);
        Assert.Equal("A reminder was already sent for this notice; it is sent only once.", again);
        var reminders = await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && r.Succeeded, 2, TimeSpan.FromSeconds(20));
        Assert.Equal(new[] { Dan.ConversationId, Persona.Ana.ConversationId }.Order(), reminders.Select(r => r.ConversationId!).Order());
        Assert.All(reminders, r => Assert.Contains("Reminder: please read and acknowledge this notice.", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyTheAuthorCanChangeANotice()
    {
        await using var bot = await StartSchoolAsync(new Dictionary<string, string?> { ["TeamsEngage:Administrators:1"] = Dan.AadObjectId });
        var id = await SendAsync(bot, Form());

        var cancel = MessageOf(await bot.ExecuteAsync(Dan, NoticeVerbs.Cancel, new { noticeId = id }));

        Assert.Equal("Only the author of this notice can change it.", cancel);
    }

    private static Task<System.Text.Json.Nodes.JsonObject> UntilStatusSettledAsync(BotApplication bot, string id) => Eventually.ValueAsync(
        () => bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }),
        response => CardOf(response)["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]![2]!["value"]!.GetValue<string>() == "0",
        "the status to show nothing pending");
}
