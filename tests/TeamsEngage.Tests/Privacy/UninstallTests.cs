using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Privacy.PrivacyWorld;

namespace TeamsEngage.Tests.Privacy;

public sealed class UninstallTests
{
    [Fact]
    public async Task ANoticeSentAfterSomeoneUninstalledDoesNotReachThemAndRecordsThemUnreachable()
    {
        var (bot, _) = await StartAsync(fakeClock: false);
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();

        await bot.UninstallAsync(Carmen);
        var noticeId = await NoticeFlow.SendAsync(bot, NoticeFlow.Form(departments: "SCI"));
        await NoticeFlow.WaitForNoticeAsync(bot, Dan);
        await NoticeFlow.UntilSettledAsync(bot, noticeId);

        Assert.Empty(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.Send && r.ConversationId == Carmen.ConversationId));
        var carmen = await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(noticeId).SingleAsync(d => d.PersonKey == DirectorySeeding.KeyOf(Carmen));
        Assert.Equal(DeliveryStatus.Unreachable, carmen.Status);
        var person = await bot.Services.GetRequiredService<IPeopleDirectory>().FindAsync(DirectorySeeding.KeyOf(Carmen));
        Assert.False(person!.Installed);
        Assert.NotNull(person.LeftAt);
    }

    [Fact]
    public async Task AMessageStillPendingWhenSomeoneUninstallsIsNotDelivered()
    {
        var (bot, _) = await StartAsync(fakeClock: false);
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        // Teams asks the bot to wait before Carmen's card: it is still pending when she removes the bot.
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("3"), conversationId: Carmen.ConversationId);

        var noticeId = await NoticeFlow.SendAsync(bot, NoticeFlow.Form(departments: "SCI"));
        await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Send && !r.Succeeded && r.ConversationId == Carmen.ConversationId);
        await bot.UninstallAsync(Carmen);
        await NoticeFlow.UntilSettledAsync(bot, noticeId);

        Assert.Empty(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.Send && r.Succeeded && r.ConversationId == Carmen.ConversationId));
        var carmen = await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(noticeId).SingleAsync(d => d.PersonKey == DirectorySeeding.KeyOf(Carmen));
        Assert.Equal(DeliveryStatus.Unreachable, carmen.Status);
        Assert.Single(NoticeFlow.Delivered(bot, Dan));
    }

    [Fact]
    public async Task InstallingAgainBringsThePersonBack()
    {
        var (bot, _) = await StartAsync(fakeClock: false);
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        await bot.UninstallAsync(Carmen);

        await bot.InstallAsync(Carmen);
        var noticeId = await NoticeFlow.SendAsync(bot, NoticeFlow.Form(departments: "SCI"));

        await NoticeFlow.WaitForNoticeAsync(bot, Carmen);
        var person = await bot.Services.GetRequiredService<IPeopleDirectory>().FindAsync(DirectorySeeding.KeyOf(Carmen));
        Assert.True(person!.Installed);
        Assert.Null(person.LeftAt);
        await NoticeFlow.UntilDeliveredAsync(bot, noticeId, 2);
    }
}
