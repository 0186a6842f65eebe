using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;
using static TeamsEngage.Tests.Reports.ReportSignIn;

namespace TeamsEngage.Tests.Reports;

/// <summary>The notices page's reach: the audience, who got the notice, and who could not be reached and why, as the outbox recorded it.</summary>
public sealed class NoticeReachReportTests
{
    [Fact]
    public async Task ANoticeThatCouldNotReachThreePeopleShowsItsAudienceDeliveredAndEachReasonOnThePageAndInTheCsv()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        // Carmen Blocked or removed the app, Dan's chat is gone; Eve never installed it.
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.MessageWritesBlocked(), conversationId: Persona.Carmen.ConversationId);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Status(404), conversationId: Dan.ConversationId);
        var id = await SendAsync(bot, Form(audience: "Everyone"));
        await UntilSettledAsync(bot, id);
        var records = await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(id).ToListAsync();
        var cookie = await SignInAsync(bot, Persona.Ana);

        var page = await Eventually.ValueAsync(
            async () => await (await GetAsync(bot, cookie, "/reports/notices")).Content.ReadAsStringAsync(),
            p => Tile(p, "Unreachable") == "3" && Tile(p, "Delivered") == records.Count(r => r.Status == DeliveryStatus.Sent).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "the notice's reach counted");
        var csv = await (await GetAsync(bot, cookie, "/reports/notices/unreachable.csv")).Content.ReadAsStringAsync();

        Assert.Equal(3, records.Count(r => r.Status is DeliveryStatus.Failed or DeliveryStatus.Unreachable));
        Assert.Equal(records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Tile(page, "Audience"));
        Assert.Equal(
            [["Has not installed the app", "1", "33%"], ["Blocked or removed the app", "1", "33%"], ["Gone from the organization", "1", "33%"], ["Gave up after retries, or another error", "0", "0%"]],
            Rows(page, "unreachable"));
        Assert.Contains("\r\nBlocked or removed the app,1,33%\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("Unreachable, by reason: Has not installed the app 1; Blocked or removed the app 1; Gone from the organization 1;", page, StringComparison.Ordinal);
        var art = Rows(page, "by-department").Single(r => r[0] == "ART");
        Assert.Equal(["1", "1"], art[5..7]);
    }

    [Fact]
    public async Task SomeoneReachedByTheNoticeWhoBlocksTheBotBeforeItsReminderIsNotCountedUnreachable()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendAsync(bot, Form(audience: "Everyone"));
        await UntilSettledAsync(bot, id);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.MessageWritesBlocked(), conversationId: Persona.Ben.ConversationId);
        await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Remind, new { noticeId = id });
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        await Eventually.TrueAsync(
            async () => await outbox.ReadDeliveriesAsync(Notice.ReminderIdOf(id)).AnyAsync(d => d.PersonKey == DirectorySeeding.KeyOf(Persona.Ben) && d.Status == DeliveryStatus.Failed),
            "the reminder to Ben to fail");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var cookie = await SignInAsync(bot, Persona.Ana);

        var page = await (await GetAsync(bot, cookie, "/reports/notices")).Content.ReadAsStringAsync();

        Assert.Equal("1", Tile(page, "Unreachable"));
        Assert.Equal(["Blocked or removed the app", "0", "0%"], Rows(page, "unreachable")[1]);
        Assert.Equal(["Has not installed the app", "1", "100%"], Rows(page, "unreachable")[0]);
    }
}
