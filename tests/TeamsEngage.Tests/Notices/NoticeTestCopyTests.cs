using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>
/// Before sending, Ana sends herself a test copy of her draft, and gives it a banner image. Ana administers; Ben and Dan
/// are in Science (the audience), Carmen in Mathematics.
/// </summary>
public sealed class NoticeTestCopyTests
{
    [Fact]
    public async Task ATestCopyReachesTheAuthorAloneAsTheRecipientsCardAndTheDraftIsStillADraft()
    {
        await using var bot = await StartSchoolAsync();
        var (_, noticeId) = await PreviewAsync(bot, Form());

        var answer = await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.SendTest, new { noticeId });

        Assert.Equal("I sent you a test copy in this chat. Nobody else has received anything.", MessageOf(answer));
        var copy = SentCards.CardOf(Assert.Single(bot.SentTo(Persona.Ana), a => a.Attachments is { Count: > 0 }));
        var blocks = NoticeCardTests.TextBlocks(copy).ToList();
        Assert.Equal("Test copy: only you received this. Its buttons work once the notice is sent.", blocks[0]);
        Assert.Contains("Gradebook upgrade *tonight*", NoticeCardTests.Runs(copy));
        Assert.Contains(Actions(copy), a => a["verb"]!.GetValue<string>() == NoticeVerbs.Acknowledge);
        var report = await AdaptiveCardsParser.ValidateAsync("notice.test-copy", copy);
        Assert.True(report.IsValid, report.ToString());
        Assert.Empty(bot.Connector.RequestsWhere(r => r.ConversationId != Persona.Ana.ConversationId));

        // Pressing its Acknowledge records nothing: the notice has not been sent to anyone.
        var pressed = await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Acknowledge, new { noticeId });
        Assert.NotEqual("application/vnd.microsoft.card.adaptive", pressed["type"]!.GetValue<string>());
        using (Fixtures.InHomeTenant())
        {
            Assert.Equal(NoticeState.Draft, (await bot.Services.GetRequiredService<NoticeStore>().FindAsync(noticeId, CancellationToken.None))!.State);
        }

        // The real send afterwards goes to the audience without the test line.
        await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId });
        var delivered = await WaitForNoticeAsync(bot, Persona.Ben);
        Assert.DoesNotContain(NoticeCardTests.TextBlocks(SentCards.CardOf(delivered[0])), t => t.StartsWith("Test copy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATestCopyIsRefusedToAMemberAndToAnotherAdministratorAndAfterSending()
    {
        var settings = new Dictionary<string, string?> { ["TeamsEngage:Administrators:1"] = Dan.AadObjectId };
        await using var bot = await StartSchoolAsync(settings);
        var (_, noticeId) = await PreviewAsync(bot, Form());

        var member = await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.SendTest, new { noticeId });
        var otherAdmin = await bot.ExecuteAsync(Dan, NoticeVerbs.SendTest, new { noticeId });
        await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId });
        using (Fixtures.InHomeTenant())
        {
            await UntilSettledAsync(bot, noticeId);
        }
        var before = bot.SentTo(Persona.Ana).Count;
        var late = await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.SendTest, new { noticeId });

        Assert.Equal("Only administrators can manage notices.", MessageOf(member));
        Assert.Equal("Only the author of this notice can change it.", MessageOf(otherAdmin));
        Assert.Equal("This notice has already gone out or been scheduled. Use the buttons of the notices list to change it.", MessageOf(late));
        Assert.Equal(before, bot.SentTo(Persona.Ana).Count);
        Assert.DoesNotContain(bot.SentTo(Persona.Ben).Concat(bot.SentTo(Dan)), a => a.Attachments is { Count: > 0 } && SentCards.CardOf(a).ToJsonString().Contains("Test copy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABannerImageIsShownAtTheTopOfTheCardAndOnlyOneHttpsLinkIsAccepted()
    {
        await using var bot = await StartSchoolAsync();
        var bad = Form();
        bad["image"] = "http://images.example.org/banner.png";
        var refused = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Preview, bad));
        Assert.Contains("• The banner image must be one https link: http://images.example.org/banner.png", NoticeCardTests.Runs(refused));

        var form = Form();
        form["image"] = "https://images.example.org/gradebook-banner.png";
        var (preview, noticeId) = await PreviewAsync(bot, form);
        await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId });
        var delivered = SentCards.CardOf((await WaitForNoticeAsync(bot, Persona.Ben))[0]);

        foreach (var card in new[] { preview, delivered })
        {
            var image = Walk(card).First(o => o["type"]?.GetValue<string>() == "Image");
            Assert.Equal("https://images.example.org/gradebook-banner.png", image["url"]!.GetValue<string>());
            Assert.Equal("Gradebook upgrade *tonight*", image["altText"]!.GetValue<string>());
            var report = await AdaptiveCardsParser.ValidateAsync("notice.banner", card);
            Assert.True(report.IsValid, report.ToString());
        }
    }
}
