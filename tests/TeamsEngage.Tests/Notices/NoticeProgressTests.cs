using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Tests.Broadcasts;
using TeamsEngage.Tests.Support;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using static TeamsEngage.Tests.Notices.NoticeFlow;

namespace TeamsEngage.Tests.Notices;

/// <summary>
/// A large send shows its progress on the author's own card, which Teams updates in place while the outbox sends:
/// rising percentages to a last 100 %, counts that match the outbox, the author's actions kept, and few updates.
/// </summary>
public sealed partial class NoticeProgressTests
{
    private const int People = 60;

    // Every other person has installed the bot: 30 sends at 5 a second take about six progress periods of one second.
    private const int InstalledEvery = 2;

    private const string AuthorCard = "1700000000777";

    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private static Dictionary<string, string?> PacedOutbox() => new()
    {
        ["TeamsEngage:Notices:ConfirmAbove"] = "1000",
        ["TeamsEngage:Notices:ProgressInterval"] = "00:00:01",
        ["TeamsEngage:Outbox:RequestsPerSecond"] = "5",
        ["TeamsEngage:Outbox:Burst"] = "1",
        ["TeamsEngage:Outbox:PollInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task TheAuthorsCardRisesThroughThePercentagesToAFinalHundredWithTheOutboxCountsAndKeepsItsActions()
    {
        await using var bot = await DirectorySeeding.StartAsync(
            departments: $"District,{LargeSchool.Department},,,24",
            administrators: [Persona.Ana],
            installed: [Persona.Ana],
            settings: PacedOutbox());
        using var home = Fixtures.InHomeTenant();
        await LargeSchool.SeedAsync(bot.Services, People, bot.Connector.BaseUrl, InstalledEvery);
        var (_, id) = await PreviewAsync(bot, LargeSchool.NoticeForm());
        var started = DateTimeOffset.UtcNow;

        var sent = CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id }, replyToId: AuthorCard));

        Assert.Matches(Headline(), CardReading.Texts(sent)[0]);
        Assert.Equal(["Status", "Edit", "Reschedule", "Cancel notice"], CardReading.ActionTitles(sent));
        await Eventually.TrueAsync(() => Updates(bot).Any(u => Percent(u) == 100), "the author's card to reach 100 %", TimeSpan.FromSeconds(40));
        var finished = DateTimeOffset.UtcNow;
        await Task.Delay(Period * 3);
        var updates = Updates(bot);
        var percents = updates.Select(Percent).ToList();
        Assert.Equal(percents.Order().ToList(), percents);
        Assert.True(percents.Distinct().Count() >= 3, "percentages seen: " + string.Join(", ", percents));
        Assert.Equal(100, percents[^1]);
        Assert.Single(percents, 100);
        // One update per period at most, plus the last one: never one per recipient.
        Assert.InRange(updates.Count, 3, (int)Math.Ceiling((finished - started) / Period) + 2);

        var last = updates[^1];
        var rows = await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(id).ToListAsync();
        var facts = LargeSchool.Facts(last);
        Assert.Equal(rows.Count(r => r.Status == DeliveryStatus.Sent), LargeSchool.Number(facts["Delivered"]));
        Assert.Equal(rows.Count(r => r.Status is DeliveryStatus.Failed or DeliveryStatus.Unreachable), LargeSchool.Number(facts["Could not be reached"]));
        Assert.Equal((People / InstalledEvery, People / InstalledEvery), (LargeSchool.Number(facts["Delivered"]), LargeSchool.Number(facts["Could not be reached"])));
        Assert.Equal("0", facts["Queued"]);
        Assert.Equal("none: finished", facts["Time left"]);
        Assert.Equal(["Status", "Edit", "Reschedule", "Cancel notice"], CardReading.ActionTitles(last));
        await AssertParsedAsync("notice.progress.sending", updates[0]);
        await AssertParsedAsync("notice.progress.done", last);
    }

    [Fact]
    public async Task AnUnchangedSendMakesNoMoreUpdatesOnceTheCardSaysHundred()
    {
        await using var bot = await StartSchoolAsync(new Dictionary<string, string?> { ["TeamsEngage:Notices:ProgressInterval"] = "00:00:00.200" });
        using var home = Fixtures.InHomeTenant();
        var (_, id) = await PreviewAsync(bot, Form(audience: "Everyone"));

        CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id }, replyToId: AuthorCard));

        await Eventually.TrueAsync(() => Updates(bot).Any(u => Percent(u) == 100), "the author's card to reach 100 %");
        var count = Updates(bot).Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(count, Updates(bot).Count);
        var stored = await bot.Services.GetRequiredService<NoticeStore>().FindAsync(id, CancellationToken.None);
        Assert.True(stored!.ProgressDone);
        Assert.Equal(new NoticeAuthorCard(Persona.Ana.UserId, Persona.Ana.ConversationId, AuthorCard), stored.AuthorCard);
    }

    [Fact]
    public async Task TheSpanishAuthorsCardSaysItsProgressInSpanish()
    {
        await using var bot = await StartSchoolAsync(new Dictionary<string, string?> { ["TeamsEngage:Notices:ProgressInterval"] = "00:00:00.200" });
        using var home = Fixtures.InHomeTenant();
        await bot.ExecuteAsync(Persona.Ana, "profile.save", new { department = "MATH", language = "es" });
        var (_, id) = await PreviewAsync(bot, Form(audience: "Everyone"));

        CardOf(await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id }, replyToId: AuthorCard));

        await Eventually.TrueAsync(() => Updates(bot).Any(u => CardReading.Texts(u)[0] == "Enviado: 100 % completado"), "the Spanish card to reach 100 %");
        var last = Updates(bot)[^1];
        var facts = LargeSchool.Facts(last);
        Assert.Equal("1", facts["No se pudo entregar"]);
        Assert.Equal("nada: terminado", facts["Tiempo restante"]);
        Assert.Equal(["Estado", "Editar", "Cambiar horario", "Cancelar aviso"], CardReading.ActionTitles(last));
        await AssertParsedAsync("notice.progress.es", last);
    }

    // The cards the bot put in place of the author's card, in order.
    private static List<JsonNode> Updates(BotApplication bot) =>
        [.. bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.Update && r.Succeeded && r.ActivityId == AuthorCard && r.ConversationId == Persona.Ana.ConversationId)
            .Select(r => SentCards.CardOf(r.ReadActivity()!))];

    private static int Percent(JsonNode card)
    {
        var match = Headline().Match(CardReading.Texts(card)[0]);
        Assert.True(match.Success, CardReading.Texts(card)[0]);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task AssertParsedAsync(string name, JsonNode card)
    {
        var report = await AdaptiveCardsParser.ValidateAsync(name, card);
        Assert.True(report.IsValid, report.ToString());
    }

    [GeneratedRegex(@"^Sent: (\d+) % done$")]
    private static partial Regex Headline();
}
