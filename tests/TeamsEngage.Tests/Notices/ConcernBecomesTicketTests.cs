using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Bot;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Notices;

/// <summary>Notices and tickets together: a concern raised on a notice reaches the right liaison, linked to the notice.</summary>
public sealed class ConcernBecomesTicketTests
{
    [Fact]
    public async Task AConcernOnANoticeBecomesATicketForTheRecipientsLiaisonLinkedToTheNotice()
    {
        var dan = NoticeFlow.Dan;
        var math = Persona.Create("Mia Stone", "mia");
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"Science,SCI,{DirectorySeeding.EmailOf(dan)},,24\nMathematics,MATH,{DirectorySeeding.EmailOf(math)},,24",
            people: string.Join('\n',
                $"{DirectorySeeding.EmailOf(Persona.Ben)},SCI,member,en",
                $"{DirectorySeeding.EmailOf(dan)},SCI,liaison,en",
                $"{DirectorySeeding.EmailOf(math)},MATH,liaison,en"),
            administrators: [Persona.Ana],
            installed: [Persona.Ana, Persona.Ben, dan, math]);
        using var home = Fixtures.InHomeTenant();
        var noticeId = await NoticeFlow.SendAsync(bot, NoticeFlow.Form(departments: "SCI"));
        await NoticeFlow.WaitForNoticeAsync(bot, Persona.Ben);

        await bot.ExecuteAsync(Persona.Ben, SharedVerbs.OpenReport, new OpenReportData(noticeId));
        var confirmation = await bot.ExecuteAsync(Persona.Ben, TicketVerbs.Submit,
            new { noticeId, description = "The new gradebook logs me out", location = "Room 4", urgency = "InTheWay" });

        var title = SentCards.TitleOf(confirmation["value"]!)!;
        var ticketId = title[(title.LastIndexOf(' ') + 1)..];
        Assert.StartsWith("SCI-", ticketId, StringComparison.Ordinal);
        var ticket = await bot.Services.GetRequiredService<TicketStore>().FindAsync(ticketId, default);
        Assert.Equal(noticeId, ticket?.NoticeId);
        await bot.Connector.WaitForAsync(r => r.ConversationId == dan.ConversationId && r.Body.Contains(ticketId, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Connector.Requests, r => r.ConversationId == math.ConversationId && r.Body.Contains(ticketId, StringComparison.Ordinal));
    }
}
