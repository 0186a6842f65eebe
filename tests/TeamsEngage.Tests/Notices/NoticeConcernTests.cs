using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Notices;

/// <summary>"I have a concern" on a notice: a short form, to the notice's author and the sender's own liaison, counted on the status.</summary>
public sealed class NoticeConcernTests
{
    private static readonly Persona Dan = NoticeFlow.Dan;
    private static readonly Persona Eve = NoticeFlow.Eve;
    private static readonly Persona Mia = Persona.Create("Mia Stone", "mia");
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task AConcernGoesToTheAuthorAndTheSendersLiaisonNeverBackToTheSenderAndFilesNoTicket()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var noticeId = await SentNoticeAsync(bot);
        var card = (await NoticeFlow.WaitForNoticeAsync(bot, Persona.Ben))[^1];
        Assert.Contains(NoticeVerbs.Concern, JsonSerializer.Serialize(card), StringComparison.Ordinal);

        var answer = NoticeFlow.MessageOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Concern, new { noticeId, concern = "The new gradebook *logs me out* every hour." }));

        Assert.Equal("Thank you. Your concern went to Ana Torres, who sent the notice, and to Dan Reyes, your IT liaison.", answer);
        var toAna = await bot.Connector.WaitForAsync(r => r.ConversationId == Persona.Ana.ConversationId && r.Body.Contains("A concern about a notice", StringComparison.Ordinal));
        Assert.Contains("Ben Okafor (Science) wrote:", toAna[0].Body, StringComparison.Ordinal);
        Assert.Contains("logs me out", toAna[0].Body, StringComparison.Ordinal);
        Assert.Contains(NoticeVerbs.Status, toAna[0].Body, StringComparison.Ordinal);
        var toDan = await bot.Connector.WaitForAsync(r => r.ConversationId == Dan.ConversationId && r.Body.Contains("A concern about a notice", StringComparison.Ordinal));
        Assert.DoesNotContain(NoticeVerbs.Status, toDan[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.ConversationId == Mia.ConversationId);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.ConversationId == Persona.Ben.ConversationId && r.Body.Contains("A concern about a notice", StringComparison.Ordinal));
        Assert.Empty(await bot.Services.GetRequiredService<TicketStore>().ListOpenAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task TheStatusCountsPeopleWithConcernsAndShowsWhatEachLastWrote()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var noticeId = await SentNoticeAsync(bot);
        await NoticeFlow.WaitForNoticeAsync(bot, Persona.Ben);
        await NoticeFlow.WaitForNoticeAsync(bot, Dan);

        await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Concern, new { noticeId, concern = "Too late in the term." });
        await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Concern, new { noticeId, concern = "Exams are that week." });
        await bot.ExecuteAsync(Dan, NoticeVerbs.Concern, new { noticeId, concern = "Lab laptops need the update first." });
        var status = CardReading.Said(NoticeFlow.CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId })));

        Assert.Contains("Concerns raised: 2", status, StringComparison.Ordinal);
        Assert.Contains("Exams are that week.", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Too late in the term.", status, StringComparison.Ordinal);
        Assert.Contains("Lab laptops need the update first.", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiaisonsOwnConcernGoesToTheBackupAndNotToHerself()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var noticeId = await SentNoticeAsync(bot);
        await NoticeFlow.WaitForNoticeAsync(bot, Dan);
        bot.Connector.ClearRequests();

        var answer = NoticeFlow.MessageOf(await bot.ExecuteAsync(Dan, NoticeVerbs.Concern, new { noticeId, concern = "Lab laptops need the update first." }));

        Assert.Equal("Thank you. Your concern went to Ana Torres, who sent the notice, and to Mia Stone, your IT liaison.", answer);
        await bot.Connector.WaitForAsync(r => r.ConversationId == Mia.ConversationId && r.Body.Contains("Lab laptops", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Connector.Requests, r => r.ConversationId == Dan.ConversationId && r.Body.Contains("Lab laptops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmptyConcernOrOneFromSomeoneTheNoticeDidNotReachChangesNothing()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var noticeId = await SentNoticeAsync(bot);
        await NoticeFlow.WaitForNoticeAsync(bot, Persona.Ben);

        var empty = NoticeFlow.MessageOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Concern, new { noticeId, concern = "  " }));
        var tooLong = NoticeFlow.MessageOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Concern, new { noticeId, concern = new string('x', 1001) }));
        var stranger = NoticeFlow.MessageOf(await bot.ExecuteAsync(Persona.Carmen, NoticeVerbs.Concern, new { noticeId, concern = "Not mine." }));

        Assert.Equal("Please say what worries you, in at most 1000 characters. Nothing was sent.", empty);
        Assert.Equal(empty, tooLong);
        Assert.DoesNotContain("Thank you", stranger, StringComparison.Ordinal);
        Assert.Empty(await bot.Services.GetRequiredService<NoticeConcerns>().ListAsync(noticeId, CancellationToken.None));
    }

    [Fact]
    public async Task ASpanishRecipientIsAskedAndThankedInSpanish()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var noticeId = await SentNoticeAsync(bot, departments: "SCI,MATH");
        var card = (await NoticeFlow.WaitForNoticeAsync(bot, Persona.Carmen))[^1];
        Assert.Contains("¿Qué te preocupa de este cambio?", JsonSerializer.Serialize(card, Unescaped), StringComparison.Ordinal);

        var answer = NoticeFlow.MessageOf(await bot.ExecuteAsync(Persona.Carmen, NoticeVerbs.Concern, new { noticeId, concern = "Es semana de exámenes." }));

        Assert.Equal("Gracias. Tu inquietud llegó a Ana Torres, que envió el aviso.", answer);
    }

    /// <summary>Ana administers and writes the notices; Science has Dan as liaison and Mia as backup; Carmen (Spanish) is in Mathematics, which has no liaison.</summary>
    private static Task<BotApplication> StartAsync() => DirectorySeeding.StartAsync(
        departments: $"Science,SCI,{DirectorySeeding.EmailOf(Dan)},{DirectorySeeding.EmailOf(Mia)},24\nMathematics,MATH,,,24",
        people: string.Join('\n',
            $"{DirectorySeeding.EmailOf(Persona.Ben)},SCI,member,en",
            $"{DirectorySeeding.EmailOf(Persona.Carmen)},MATH,member,es",
            $"{DirectorySeeding.EmailOf(Dan)},SCI,liaison,en",
            $"{DirectorySeeding.EmailOf(Mia)},,liaison,en",
            $"{DirectorySeeding.EmailOf(Eve)},MATH,member,en"),
        administrators: [Persona.Ana],
        installed: [Persona.Ana, Persona.Ben, Persona.Carmen, Dan, Mia]);

    /// <summary>Sends a notice and waits until every delivery is settled, so each recipient is known to have it.</summary>
    private static async Task<string> SentNoticeAsync(BotApplication bot, string departments = "SCI")
    {
        var noticeId = await NoticeFlow.SendAsync(bot, NoticeFlow.Form(departments: departments));
        await NoticeFlow.UntilSettledAsync(bot, noticeId);
        return noticeId;
    }
}
