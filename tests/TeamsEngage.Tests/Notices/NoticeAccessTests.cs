using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsEngage.Features.Notices;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>Who may press which notice button, checked once by the dispatcher whatever the card's data says.</summary>
public sealed class NoticeAccessTests
{
    public static TheoryData<string> AuthorVerbs() =>
    [
        NoticeVerbs.Revise, NoticeVerbs.Edit, NoticeVerbs.Save, NoticeVerbs.Discard, NoticeVerbs.Send, NoticeVerbs.Schedule,
        NoticeVerbs.Reschedule, NoticeVerbs.RescheduleSave, NoticeVerbs.Cancel, NoticeVerbs.Status, NoticeVerbs.Remind,
    ];

    [Theory]
    [MemberData(nameof(AuthorVerbs))]
    public async Task AForgedButtonNamingAnotherAdministratorsNoticeIsRefusedAndChangesNothing(string verb)
    {
        await using var bot = await StartSchoolAsync(new Dictionary<string, string?> { ["TeamsEngage:Administrators:1"] = Dan.AadObjectId });
        using var home = Fixtures.InHomeTenant();
        var (_, id) = await PreviewAsync(bot, Form());

        var answer = MessageOf(await bot.ExecuteAsync(Dan, verb, Form(noticeId: id)));

        Assert.Equal("Only the author of this notice can change it.", answer);
        var notice = await bot.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
        Assert.Equal(NoticeState.Draft, notice?.State);
        Assert.Empty(bot.Connector.Requests);
    }

    [Theory]
    [MemberData(nameof(AuthorVerbs))]
    public async Task AMemberPressingAnAuthorButtonIsRefused(string verb)
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var (_, id) = await PreviewAsync(bot, Form());

        var answer = MessageOf(await bot.ExecuteAsync(Persona.Ben, verb, Form(noticeId: id)));

        Assert.Equal("Only administrators can manage notices.", answer);
        Assert.Equal(NoticeState.Draft, (await bot.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None))?.State);
    }

    [Fact]
    public async Task ButtonDataOfTheWrongShapeIsAnsweredAsAMissingNotice()
    {
        await using var bot = await StartSchoolAsync();
        await PreviewAsync(bot, Form());

        var numeric = MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = 42 }));
        var list = MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Cancel, new { noticeId = new[] { "a", "b" } }));
        var none = MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { confirmed = true }));
        var unknown = MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Edit, new { noticeId = "n20310101-nothing" }));

        Assert.All(new[] { numeric, list, none, unknown }, a => Assert.Equal("That notice no longer exists.", a));
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task AnAcknowledgementNamingNoNoticeSaysItWasNotSentToYou()
    {
        await using var bot = await StartSchoolAsync();

        var unknown = MessageOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = "n20310101-nothing" }));
        var malformed = MessageOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Acknowledge, new { noticeId = 7 }));

        Assert.Equal("This notice was not sent to you, so there is nothing to acknowledge.", unknown);
        Assert.Equal(unknown, malformed);
    }

    [Fact]
    public async Task EditingADraftAndPreviewingAgainRevisesThatDraft()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var (_, id) = await PreviewAsync(bot, Form());

        var composer = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Edit, new { noticeId = id }));
        var again = Actions(composer).Single(a => a["verb"]!.GetValue<string>() == NoticeVerbs.Revise);
        var form = Form(noticeId: again["data"]!["noticeId"]!.GetValue<string>());
        form["title"] = "Gradebook upgrade moved";
        var preview = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Revise, form));

        Assert.Contains("Gradebook upgrade moved", NoticeCardTests.Runs(preview));
        var all = await bot.Services.GetRequiredService<NoticeStore>().ListAsync(CancellationToken.None).ToListAsync();
        var notice = Assert.Single(all);
        Assert.Equal((id, "Gradebook upgrade moved", NoticeState.Draft), (notice.Id, notice.Content.Title, notice.State));
    }

    [Fact]
    public async Task ANoticeThatWentOutCannotBeRevisedAsADraft()
    {
        await using var bot = await StartSchoolAsync();
        var id = await SendAsync(bot, Form());

        var answer = MessageOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Revise, Form(noticeId: id)));

        Assert.Equal("This notice has already gone out or been scheduled. Use the buttons of the notices list to change it.", answer);
    }

    [Theory]
    [InlineData("TeamsEngage:Notices:ConfirmAbove", "0", "TeamsEngage:Notices:ConfirmAbove must be at least 1.")]
    [InlineData("TeamsEngage:Notices:SchedulerInterval", "00:00:00", "TeamsEngage:Notices:SchedulerInterval must be positive.")]
    public async Task ABadSettingStopsTheStartAndNamesTheKey(string key, string value, string message)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var bot = await StartSchoolAsync(new Dictionary<string, string?> { [key] = value });
        });

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}
