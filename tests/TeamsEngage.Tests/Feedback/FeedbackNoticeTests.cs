using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Notices;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Feedback.FeedbackWorld;

namespace TeamsEngage.Tests.Feedback;

/// <summary>Notices and feedback: a notice answers items (they become Planned, supporters are told), and is a topic.</summary>
public sealed class FeedbackNoticeTests
{
    [Fact]
    public async Task SendingANoticeThatAnswersFeedbackPlansItAndTellsItsSupporters()
    {
        await using var bot = await StartAsync();
        var named = await bot.FileAsync(Ana, "The gradebook is too slow on Mondays");
        var anonymous = await bot.FileAsync(Gus, "Gradebook takes ages to load", anonymous: true);
        await bot.SupportAsync(Carmen, named);

        var noticeId = await SendNoticeAsync(bot, answers: $"{named}, {anonymous.ToLowerInvariant()}");

        await bot.WaitForSentAsync(Ana, named, "IT has planned it for Tue 4 Mar 2031.", "The notice \\u0022Gradebook upgrade\\u0022 answers it.");
        await bot.WaitForSentAsync(Carmen, named, "para el mar 4 mar 2031.");
        var item = await bot.ItemAsync(anonymous);
        Assert.Equal((FeedbackState.Planned, new DateOnly(2031, 3, 4), "Gradebook upgrade"), (item.State, item.TargetDate, item.AnsweredBy));
        using var tenant = Fixtures.InHomeTenant();
        Assert.Equal("notice:" + noticeId, (await bot.Store().ChangesAsync(named, CancellationToken.None)).Single().ActorKey);
        Assert.Equal(0, bot.Count(Gus, anonymous));
    }

    [Fact]
    public async Task ANoticeCitingUnknownFeedbackIsRefusedAtPreviewAndClosedFeedbackIsLeftAsItIs()
    {
        await using var bot = await StartAsync();
        var declined = await bot.FileAsync(Ana, "Fix the stapler");
        await bot.MoveAsync(Eli, declined, "Declined", reason: "Not IT");

        var refused = SentCards.AllText(CardOf(await bot.ExecuteAsync(Eli, NoticeVerbs.Preview, Form($"{declined}, FB-NOPE99"))));
        await SendNoticeAsync(bot, answers: declined);

        Assert.Contains("There is no feedback FB-NOPE99.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain($"There is no feedback {declined}.", refused, StringComparison.Ordinal);
        Assert.Equal((FeedbackState.Declined, 1), ((await bot.ItemAsync(declined)).State, (await bot.ItemAsync(declined)).Version));
    }

    [Fact]
    public async Task ANoticeThePersonReceivedIsATopicAndItsButtonPreSelectsIt()
    {
        await using var bot = await StartAsync();
        var noticeId = await SendNoticeAsync(bot, answers: "");
        await Eventually.ValueAsync(() => Task.FromResult(bot.Connector.Requests.Count(r => r.ConversationId == Ana.ConversationId && r.Body.Contains("Gradebook", StringComparison.Ordinal))), n => n > 0, "the notice reaching Ana");
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        var opened = MessageOf(await bot.ExecuteAsync(Ana, FeedbackVerbs.Compose, new { topic = "notice:" + noticeId }));
        var form = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(Ana.ConversationId, 2))[^1]);
        var topic = form["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "topic")!;
        var id = await bot.FileAsync(Ana, "Please do upgrades after 20:00", topic: "notice:" + noticeId);

        Assert.Equal("The feedback form is below.", opened);
        Assert.Equal("notice:" + noticeId, topic["value"]!.GetValue<string>());
        Assert.Contains(topic["choices"]!.AsArray(), c => c!["title"]!.GetValue<string>() == "Gradebook upgrade");
        Assert.Equal(("notice:" + noticeId, "Gradebook upgrade"), ((await bot.ItemAsync(id)).Topic, (await bot.ItemAsync(id)).TopicTitle));
    }

    private static async Task<string> SendNoticeAsync(BotApplication bot, string answers)
    {
        var preview = CardOf(await bot.ExecuteAsync(Eli, NoticeVerbs.Preview, Form(answers)));
        var id = Notices.NoticeFlow.Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send)["data"]!["noticeId"]!.GetValue<string>();
        CardOf(await bot.ExecuteAsync(Eli, NoticeVerbs.Send, new { noticeId = id }));
        return id;
    }

    private static Dictionary<string, object?> Form(string answers) => new()
    {
        ["title"] = "Gradebook upgrade",
        ["what"] = "The gradebook moves to version 5.",
        ["why"] = "Faster loading.",
        ["startDate"] = "2031-03-04",
        ["startTime"] = "18:00",
        ["endDate"] = "2031-03-04",
        ["endTime"] = "20:00",
        ["timeZone"] = "America/Chicago",
        ["impact"] = "Disruption",
        ["audience"] = "Everyone",
        ["ack"] = "false",
        ["answers"] = answers,
    };
}
