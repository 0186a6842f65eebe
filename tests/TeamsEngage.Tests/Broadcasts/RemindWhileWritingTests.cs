using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Polls;
using TeamsEngage.Outbox;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Polls;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Broadcasts;

/// <summary>
/// A reminder goes to who already has a row, so while a broadcast's rows are still being written the server refuses it,
/// whatever the card offered. The writer is stopped here, so the broadcast stays queued for as long as the test looks.
/// </summary>
public sealed class RemindWhileWritingTests
{
    [Fact]
    public async Task ANoticeReminderPressedWhileItsAudienceIsStillQueuedIsRefusedAndNotRecorded()
    {
        await using var bot = await NoticeFlow.StartSchoolAsync();
        await StopWriterAsync(bot);

        var id = await NoticeFlow.SendAsync(bot, NoticeFlow.Form());
        var status = NoticeFlow.CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }));
        var remind = NoticeFlow.MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Remind, new { noticeId = id }));

        Assert.Equal("counting the audience…", LargeSchool.Facts(status)["Queued"]);
        Assert.DoesNotContain(NoticeFlow.Actions(status), a => a["verb"]?.GetValue<string>() == NoticeVerbs.Remind);
        Assert.Equal("This notice is still being queued for its audience, so a reminder now would miss some of them. Try again once Status no longer shows \"Queued\".", remind);
        using var home = Fixtures.InHomeTenant();
        Assert.False((await bot.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None))!.Reminded);
    }

    [Fact]
    public async Task APollReminderPressedWhileItsRecipientsAreStillRecordedIsRefusedAndNotRecorded()
    {
        await using var bot = await PollHost.StartAsync(PollHost.Voters("SCI", 3));
        await StopWriterAsync(bot);

        var (pollId, sent) = await PollHost.ComposeAndSendAsync(bot, new { question = "Lunch?", options = "Pizza\nSalad", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
        var remind = await bot.ExecuteAsync(PollHost.Admin, PollVerbs.Remind, new { pollId });

        Assert.Contains("Preparing:", sent.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(NoticeFlow.Actions(sent["value"]!), a => a["verb"]?.GetValue<string>() == PollVerbs.Remind);
        Assert.Equal("This poll is still being sent to its audience, so a reminder now would miss some of them. Try again once the results card no longer says \"Preparing\".", PollHost.TextOf(remind));
        using var home = Fixtures.InHomeTenant();
        Assert.Null((await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None))!.RemindedAt);
    }

    private static Task StopWriterAsync(BotApplication bot) =>
        bot.Services.GetServices<IHostedService>().OfType<BroadcastWriterService>().Single().StopAsync(CancellationToken.None);
}
