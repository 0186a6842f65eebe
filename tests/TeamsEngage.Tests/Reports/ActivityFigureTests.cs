using TeamsEngage.Features.Notices;
using TeamsEngage.Reporting;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Feedback;
using TeamsEngage.Tests.Polls;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Reports;

/// <summary>Notices, polls and feedback write their figures as things happen, each event once.</summary>
public sealed class ActivityFigureTests
{
    [Fact]
    public async Task ANoticeCountsEachDeliveryAndEachFirstAcknowledgementByTheRecipientsDepartment()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendAsync(bot, Form());
        await UntilDeliveredAsync(bot, id, 2);

        await UntilCardAsync(() => bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id }));
        await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = id });

        var rows = await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, NoticeCounters.Area), r => r.District[NoticeCounters.Delivered] == 2, "two deliveries counted");
        Assert.Equal(2, rows.Of("dept", "SCI")[NoticeCounters.Delivered]);
        Assert.Equal(2, rows.Of("notice", id)[NoticeCounters.Delivered]);
        Assert.Equal(1, rows.Of("dept", "SCI")[NoticeCounters.Acknowledged]);
        Assert.Equal(1, rows.Of("notice", id)[NoticeCounters.Acknowledged]);
        Assert.NotNull(rows.Of("notice", id).Percentile(NoticeCounters.Acknowledged, 50));
    }

    [Fact]
    public async Task APollCountsWhoWasAskedAndWhoAnsweredByDepartmentAndRoleAndAChangedVoteOnce()
    {
        var science = PollHost.Voters("SCI", 3);
        var art = PollHost.Voters("ART", 2);
        await using var bot = await PollHost.StartAsync([.. science, .. art]);
        var (pollId, _) = await PollHost.ComposeAndSendAsync(bot, new { question = "Which training slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
        var asked = await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, PollCounters.Area), r => r.District[PollCounters.Asked] >= 3, "the poll's recipients counted");

        await PollHost.VoteAsync(bot, science[0].Persona, pollId, "0");
        await PollHost.VoteAsync(bot, science[0].Persona, pollId, "1");
        await PollHost.VoteAsync(bot, science[1].Persona, pollId, "0");

        var rows = await FigureRows.ReadAsync(bot, PollCounters.Area);
        Assert.Equal(3, asked.Of("dept", "SCI")[PollCounters.Asked]);
        Assert.Equal(0, asked.Of("dept", "ART")[PollCounters.Asked]);
        Assert.Equal(3, asked.Of("poll", pollId)[PollCounters.Asked]);
        Assert.Equal(3, asked.District[PollCounters.Asked]);
        Assert.Equal(2, rows.Of("dept", "SCI")[PollCounters.Answered]);
        Assert.Equal(2, rows.Of("role", "member")[PollCounters.Answered]);
        Assert.Equal(2, rows.Of("poll", pollId)[PollCounters.Answered]);
        Assert.Equal(2, rows.District[PollCounters.Answered]);
    }

    [Fact]
    public async Task FeedbackCountsItemsRaisedEachMoveByStatusAndTheFirstOutcomeOnce()
    {
        await using var bot = await FeedbackWorld.StartAsync();
        var id = await bot.FileAsync(FeedbackWorld.Ana, "More chargers in the library");
        await bot.FileAsync(FeedbackWorld.Hal, "A kiln timer");

        await bot.MoveAsync(FeedbackWorld.Eli, id, "UnderReview");
        await bot.MoveAsync(FeedbackWorld.Eli, id, "Planned", targetDate: "2027-02-01");
        await bot.MoveAsync(FeedbackWorld.Eli, id, "Done");

        var rows = await FigureRows.ReadAsync(bot, FeedbackCounters.Area);
        Assert.Equal(2, rows.District[FeedbackCounters.Raised]);
        Assert.Equal(1, rows.Of("dept", "ART")[FeedbackCounters.Raised]);
        Assert.Equal(1, rows.Of("status", "Planned")[FeedbackCounters.Moved]);
        Assert.Equal(1, rows.Of("status", "Done")[FeedbackCounters.Moved]);
        Assert.Equal(1, rows.Of("dept", "SCI")[FeedbackCounters.Outcome]);
    }
}
