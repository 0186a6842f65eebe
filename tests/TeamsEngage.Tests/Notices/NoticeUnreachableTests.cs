using System.Text.Json.Nodes;
using TeamsEngage.Features.Notices;
using TeamsEngage.Tests.Broadcasts;
using TeamsEngage.Tests.Support;
using TeamsEngage.Testing.Cards;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>
/// Who a notice cannot reach, said before it goes (the preview) and after (the status card and the list of names with
/// why, for the author only), and a status card that reads as finished: department names, headers that fit, the author's actions.
/// </summary>
public sealed class NoticeUnreachableTests
{
    [Fact]
    public async Task ThePreviewSaysHowManyOfTheAudienceCannotBeReachedYetInEnglishAndSpanish()
    {
        await using var bot = await StartSchoolAsync();

        var (preview, _) = await PreviewAsync(bot, Form(departments: "SCI,ART"));
        await bot.ExecuteAsync(Persona.Ana, "profile.save", new { department = "MATH", language = "es" });
        var (spanish, _) = await PreviewAsync(bot, Form(departments: "SCI,ART"));

        Assert.Contains("1 of them cannot be reached yet: they have not installed the app.", CardReading.Texts(preview));
        Assert.Contains("A 1 de ellas aún no se les puede avisar: no han instalado la aplicación.", CardReading.Texts(spanish));
        var (reachable, _) = await PreviewAsync(bot, Form(departments: "SCI"));
        Assert.DoesNotContain(CardReading.Texts(reachable), t => t.Contains("instalado", StringComparison.Ordinal));
        await AssertParsedAsync("notice.preview.unreachable", preview);
    }

    [Fact]
    public async Task TheStatusCardNamesDepartmentsFitsItsHeadersShowsThePercentageAndKeepsTheAuthorsActions()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendSettledAsync(bot);

        var status = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Status, new { noticeId = id }));

        var facts = LargeSchool.Facts(status);
        Assert.Equal("100 %", facts["Done"]);
        Assert.Equal("1 (app not installed: 1)", facts["Could not be reached"]);
        var rows = NoticeFlow.Walk(status).Where(o => o["type"]?.GetValue<string>() == "ColumnSet").ToList();
        Assert.Equal(["Department", "Art", "Science"], rows.Select(r => CellTexts(r)[0]));
        var header = rows[0];
        Assert.Equal(["Department", "Sent", "Queued", "Failed", "Ack."], CellTexts(header));
        Assert.All(header["columns"]!.AsArray().Skip(1), c =>
        {
            Assert.Equal("auto", c!["width"]!.GetValue<string>());
            Assert.NotEqual(true, c["items"]![0]!["wrap"]?.GetValue<bool>());
        });
        Assert.Contains("Ack. = acknowledged.", CardReading.Texts(status));
        Assert.Equal(["Refresh", "Edit", "Reschedule", "Cancel notice"], CardReading.ActionTitles(status));
        Assert.Equal("Remind those who have not acknowledged", Actions(status).Single(a => a["verb"]!.GetValue<string>() == NoticeVerbs.Remind)["title"]!.GetValue<string>());
        Assert.Equal("Who could not be reached", Actions(status).Single(a => a["verb"]!.GetValue<string>() == NoticeVerbs.Unreachable)["title"]!.GetValue<string>());
        await AssertParsedAsync("notice.status.live", status);
    }

    [Fact]
    public async Task TheUnreachableListNamesExactlyThePeopleWithoutAConversationAndWhyForTheAuthorOnly()
    {
        await using var bot = await StartSchoolAsync();
        using var home = Fixtures.InHomeTenant();
        var id = await SendSettledAsync(bot);

        var list = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Unreachable, new { noticeId = id }));
        var member = MessageOf(await bot.ExecuteAsync(Persona.Ben, NoticeVerbs.Unreachable, new { noticeId = id }));
        var teacher = MessageOf(await bot.ExecuteAsync(Dan, NoticeVerbs.Unreachable, new { noticeId = id }));
        await bot.ExecuteAsync(Persona.Ana, "profile.save", new { department = "MATH", language = "es" });
        var spanish = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Unreachable, new { noticeId = id }));

        var texts = CardReading.Texts(list);
        Assert.Equal("Could not be reached: 1", texts[0]);
        Assert.Contains(texts, t => t.StartsWith("A Teams administrator can pre-install the app for these people", StringComparison.Ordinal));
        Assert.Equal(["eve@school.example (Art): app not installed"], texts.Where(t => t.Contains("): ", StringComparison.Ordinal)));
        Assert.Equal(["Back to status"], CardReading.ActionTitles(list));
        Assert.Equal("Only administrators can manage notices.", member);
        Assert.Equal("Only administrators can manage notices.", teacher);
        Assert.Equal("No se pudo entregar: 1", CardReading.Texts(spanish)[0]);
        Assert.Contains("eve@school.example (Art): aplicación no instalada", CardReading.Texts(spanish));
        await AssertParsedAsync("notice.unreachable.en", list);
        await AssertParsedAsync("notice.unreachable.es", spanish);
    }

    [Fact]
    public async Task ALongUnreachableListIsPagedAndEveryNameAppearsOnce()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"District,{LargeSchool.Department},,,24",
            administrators: [Persona.Ana],
            installed: [Persona.Ana],
            settings: AbortedSendTests.FastOutbox());
        using var home = Fixtures.InHomeTenant();
        await LargeSchool.SeedAsync(bot.Services, 60, bot.Connector.BaseUrl, installedEvery: 2);
        var id = await SendAsync(bot, LargeSchool.NoticeForm());
        await UntilSettledAsync(bot, id);

        var first = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Unreachable, new { noticeId = id }));
        var next = Actions(first).Single(a => a["verb"]!.GetValue<string>() == NoticeVerbs.Unreachable);
        var second = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Unreachable, next["data"]));

        var names = new[] { first, second }.SelectMany(c => CardReading.Texts(c).Where(t => t.Contains("): ", StringComparison.Ordinal))).ToList();
        Assert.Equal(30, names.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"Person {(i * 2) + 1} (District): app not installed").Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Contains("Page 1 of 2", CardReading.Texts(first));
        Assert.Contains("Page 2 of 2", CardReading.Texts(second));
        Assert.Equal(["Back to status"], CardReading.ActionTitles(second));
    }

    // Sent to Science and Art: Ben and Dan get it, Eve (Art) never installed the app.
    private static async Task<string> SendSettledAsync(BotApplication bot)
    {
        var id = await SendAsync(bot, Form(departments: "SCI,ART"));
        await UntilSettledAsync(bot, id);
        await UntilDeliveredAsync(bot, id, 2);
        return id;
    }

    private static List<string> CellTexts(JsonNode row) =>
        [.. row["columns"]!.AsArray().Select(c => c!["items"]![0]!["text"]!.GetValue<string>())];

    private static async Task AssertParsedAsync(string name, JsonNode card)
    {
        var report = await AdaptiveCardsParser.ValidateAsync(name, card);
        Assert.True(report.IsValid, report.ToString());
    }
}
