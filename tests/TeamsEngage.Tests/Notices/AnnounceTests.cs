using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>Composing, previewing and sending a notice, through POST /api/messages and the connector stub.</summary>
public sealed class AnnounceTests
{
    [Fact]
    public async Task AMemberIsRefusedTheCommandAndEveryAuthorButton()
    {
        await using var bot = await StartSchoolAsync();
        var (_, noticeId) = await PreviewAsync(bot, Form());

        await bot.SayAsync(Persona.Ben, "announce");
        var preview = await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Preview, Form());
        var send = await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Send, new { noticeId });

        Assert.Equal("That command is for the IT team. Type **help** to see what you can do.", Assert.Single(bot.SentTo(Persona.Ben)).Text);
        Assert.Equal("Only administrators can manage notices.", MessageOf(preview));
        Assert.Equal("Only administrators can manage notices.", MessageOf(send));
        Assert.Empty(bot.Connector.RequestsWhere(r => r.ConversationId != Persona.Ben.ConversationId));
    }

    [Fact]
    public async Task AnnounceOpensTheComposerForAnAdministrator()
    {
        await using var bot = await StartSchoolAsync();

        await bot.SayAsync(Persona.Ana, "announce");

        var card = SentCards.CardOf(Assert.Single(bot.SentTo(Persona.Ana)));
        Assert.Equal("Announce a deployment", SentCards.TitleOf(card));
        Assert.Contains(Actions(card), a => a["verb"]!.GetValue<string>() == NoticeVerbs.Preview);
        Assert.Contains("\"SCI\"", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidInputComesBackInTheComposerWithTheErrorsAndWhatWasTyped()
    {
        await using var bot = await StartSchoolAsync();
        var form = Form(audience: "People", pilot: "nobody@school.example");
        form["title"] = "";
        form["links"] = "http://plain.example.org";
        form["what"] = "Keep *this* text";

        var card = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Preview, form));

        var runs = NoticeCardTests.Runs(card).ToList();
        Assert.Contains("• Title is required.", runs);
        Assert.Contains("• This is not an https link: http://plain.example.org", runs);
        Assert.Contains("• Nobody in the directory matches: nobody@school.example", runs);
        Assert.Contains("Keep *this* text", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task ThePreviewIsTheRecipientsCardWithTheAuthorsChoicesAndReachesNobody()
    {
        await using var bot = await StartSchoolAsync();

        var (preview, _) = await PreviewAsync(bot, Form());

        Assert.Contains("Gradebook upgrade *tonight*", NoticeCardTests.Runs(preview));
        var verbs = Actions(preview).Select(a => a["verb"]!.GetValue<string>()).ToList();
        string[] expected = [NoticeVerbs.Acknowledge, NoticeVerbs.Concern, NoticeVerbs.Send, NoticeVerbs.Schedule, NoticeVerbs.Edit, NoticeVerbs.SendTest, NoticeVerbs.Discard];
        Assert.Equal(expected.Order(StringComparer.Ordinal), verbs.Order(StringComparer.Ordinal));
        Assert.Contains("It will go to the departments SCI: 2 people today.", NoticeCardTests.TextBlocks(preview));
        Assert.Empty(bot.Connector.Requests);
    }

    [Theory]
    [InlineData("Departments", "SCI", "", "", new[] { "ben", "dan" })]
    [InlineData("Roles", "", "Liaison", "", new[] { "dan" })]
    [InlineData("People", "", "", "carmen@school.example; BEN@school.example", new[] { "ben", "carmen" })]
    public async Task SendingReachesExactlyTheAudienceAndNobodyElse(string audience, string departments, string roles, string pilot, string[] expected)
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var everyone = new Dictionary<string, Persona> { ["ana"] = Persona.Ana, ["ben"] = Persona.Ben, ["carmen"] = Persona.Carmen, ["dan"] = Dan };

        var id = await SendAsync(bot, Form(audience, departments, roles, pilot));

        foreach (var handle in expected)
        {
            var card = SentCards.CardOf(Assert.Single(await WaitForNoticeAsync(bot, everyone[handle])));
            Assert.Contains("Gradebook upgrade *tonight*", NoticeCardTests.Runs(card));
        }
        await UntilSettledAsync(bot, id);
        foreach (var (handle, persona) in everyone.Where(e => !expected.Contains(e.Key)))
        {
            Assert.Empty(Delivered(bot, persona));
        }
    }

    [Fact]
    public async Task ASpanishRecipientGetsTheCardInSpanish()
    {
        await using var bot = await StartSchoolAsync();

        await SendAsync(bot, Form(departments: "MATH"));

        var card = SentCards.CardOf(Assert.Single(await WaitForNoticeAsync(bot, Persona.Carmen)));
        Assert.Contains("Confirmar lectura", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAudienceAboveTheThresholdAsksForConfirmationWithTheCount()
    {
        await using var bot = await StartSchoolAsync(new Dictionary<string, string?> { ["TeamsEngage:Notices:ConfirmAbove"] = "1" });
        using var home = Fixtures.InHomeTenant();
        var (_, id) = await PreviewAsync(bot, Form());

        var confirm = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id }));

        Assert.Contains("This notice will go to 2 people. Do you want to send it?", NoticeCardTests.TextBlocks(confirm));
        // Sending queues every delivery before the invoke answers, so an empty outbox now means nothing will go out.
        Assert.Empty(await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(id).ToListAsync());
        Assert.Empty(Delivered(bot, Persona.Ben));

        var sent = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id, confirmed = true }));
        Assert.StartsWith("Sent:", NoticeCardTests.TextBlocks(sent).First(), StringComparison.Ordinal);
        Assert.Single(await WaitForNoticeAsync(bot, Persona.Ben));
    }

    [Fact]
    public async Task TwoPressesOfSendAtOnceSendTheNoticeOnce()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var (_, id) = await PreviewAsync(bot, Form());

        var answers = await Task.WhenAll(
            bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id }),
            bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id }));

        var cards = answers.Where(a => a["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive").ToList();
        Assert.StartsWith("Sent:", NoticeCardTests.TextBlocks(CardOf(Assert.Single(cards))).First(), StringComparison.Ordinal);
        var other = MessageOf(Assert.Single(answers, a => !cards.Contains(a)));
        Assert.Contains(other, new[]
        {
            "This notice has already gone out or been scheduled. Use the buttons of the notices list to change it.",
            "This notice was changed by another action just now. Type notices to see where it stands.",
        });
        await UntilSettledAsync(bot, id);
        Assert.Equal(2, await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(id).CountAsync());
        Assert.Single(Delivered(bot, Persona.Ben));
    }

    [Fact]
    public async Task AScheduledNoticeGoesOutOnlyWhenItsTimeComes()
    {
        await using var bot = await StartSchoolAsync();
        var (_, id) = await PreviewAsync(bot, Form());

        var scheduled = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Schedule, new { noticeId = id, sendDate = "2031-03-03", sendTime = "09:00" }));
        var scheduler = bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<NoticeScheduler>().Single();
        var early = await scheduler.RunDueAsync(new DateTimeOffset(2031, 3, 3, 14, 59, 0, TimeSpan.Zero), CancellationToken.None);
        var due = await scheduler.RunDueAsync(new DateTimeOffset(2031, 3, 3, 15, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.StartsWith("Scheduled for", NoticeCardTests.TextBlocks(scheduled).First(), StringComparison.Ordinal);
        Assert.Equal((0, 1), (early, due));
        Assert.Single(await WaitForNoticeAsync(bot, Persona.Ben));
    }
}
