using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Calendar;
using TeamsEngage.Localization;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// Eli administers the ticket school; Ana (English) and Carmen (Spanish) are members. In a personal chat, Teams hands the
/// bot a file as a download-info attachment whose link the connector stub serves over http on 127.0.0.1 (allowed for
/// loopback in tests only). It is Monday 2 November 2026, 09:00 in New York.
/// </summary>
public sealed class CalendarFileTests
{
    private static readonly Dictionary<string, string?> LoopbackFiles = new() { ["TeamsEngage:Files:AllowLoopbackHttp"] = "true" };

    [Fact]
    public async Task AnAdministratorsIcsFileIsDownloadedAndImportedWithTheSameResultCardAsPastedText()
    {
        var (bot, _) = await StartAsync(InNewYork(2026, 11, 2, 9), LoopbackFiles);
        await using var _bot = bot;
        var link = bot.Connector.ServeFile("files/springfield.ics", Encoding.UTF8.GetBytes(IcsImportTests.Springfield));

        await SendFileAsync(bot, TicketWorld.Eli, link);

        var card = SentCards.CardOf(bot.SentTo(TicketWorld.Eli).Last(a => a.Attachments is { Count: > 0 }));
        Assert.Contains("Imported 4 closures, 2 breaks and 7 windows; skipped 3 timed events.", CardReading.Said(card), StringComparison.Ordinal);
        Assert.Contains("Thanksgiving Break: Thu 26 Nov – Fri 27 Nov", CardReading.Said(card), StringComparison.Ordinal);
        Assert.Single(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File));
        var report = await AdaptiveCardsParser.ValidateAsync("calendar.file-import", card);
        Assert.True(report.IsValid, report.ToString());
        using var home = Fixtures.InHomeTenant();
        Assert.Equal(7, (await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None)).Windows.Count);
    }

    [Fact]
    public async Task AMembersFileIsRefusedInTheirLanguageAndNeverDownloaded()
    {
        var (bot, _) = await StartAsync(InNewYork(2026, 11, 2, 9), LoopbackFiles);
        await using var _bot = bot;
        var link = bot.Connector.ServeFile("files/springfield.ics", Encoding.UTF8.GetBytes(IcsImportTests.Springfield));

        await SendFileAsync(bot, TicketWorld.Ana, link);
        await SendFileAsync(bot, TicketWorld.Carmen, link);

        Assert.Equal(Texts.For("en").Calendar_FileRefused, bot.SentTo(TicketWorld.Ana)[^1].Text);
        Assert.Equal("Solo los administradores pueden importar un archivo de calendario. No se abrió tu archivo.", bot.SentTo(TicketWorld.Carmen)[^1].Text);
        Assert.Empty(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File));
        await AssertNothingImportedAsync(bot);
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedAndNothingIsImported()
    {
        var settings = new Dictionary<string, string?>(LoopbackFiles) { ["TeamsEngage:Files:MaxBytes"] = "2048" };
        var (bot, _) = await StartAsync(InNewYork(2026, 11, 2, 9), settings);
        await using var _bot = bot;
        var link = bot.Connector.ServeFile("files/springfield.ics", Encoding.UTF8.GetBytes(IcsImportTests.Springfield));

        await SendFileAsync(bot, TicketWorld.Eli, link);

        Assert.Equal("That calendar file is too large to import (the limit is 2 KB). Nothing was imported.", bot.SentTo(TicketWorld.Eli)[^1].Text);
        await AssertNothingImportedAsync(bot);
    }

    [Fact]
    public async Task APlainHttpLinkIsNotFollowedUnlessLoopbackIsAllowed()
    {
        var (bot, _) = await StartAsync(InNewYork(2026, 11, 2, 9));
        await using var _bot = bot;
        var link = bot.Connector.ServeFile("files/springfield.ics", Encoding.UTF8.GetBytes(IcsImportTests.Springfield));

        await SendFileAsync(bot, TicketWorld.Eli, link);
        await SendFileAsync(bot, TicketWorld.Eli, new Uri("http://calendar.example.org/springfield.ics"));

        Assert.All(bot.SentTo(TicketWorld.Eli).TakeLast(2), a => Assert.Equal("I only download calendar files from secure (https) links. Nothing was imported.", a.Text));
        Assert.Empty(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File));
        await AssertNothingImportedAsync(bot);
    }

    [Fact]
    public async Task AnAdministratorImportsAPublishedCalendarFromItsLinkWhileAPlainHttpLinkOrAMembersForgedLinkFetchesNothing()
    {
        var (bot, _) = await StartAsync(InNewYork(2026, 11, 2, 9), LoopbackFiles);
        await using var _bot = bot;
        var link = bot.Connector.ServeFile("published/springfield.ics", Encoding.UTF8.GetBytes(IcsImportTests.Springfield));

        var forged = await bot.ActAsync(TicketWorld.Ana, Features.Calendar.CalendarVerbs.Import, new { url = link.ToString() });
        var plain = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, Features.Calendar.CalendarVerbs.Import, new { url = "http://calendar.example.org/springfield.ics" }));
        Assert.Empty(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File));
        var imported = TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, Features.Calendar.CalendarVerbs.Import, new { url = link.ToString() }));

        Assert.Equal(Texts.For("en").Calendar_Refused, TicketWorld.MessageOf(forged));
        Assert.Contains("I only download calendar files from secure (https) links. Nothing was imported.", CardReading.Said(plain), StringComparison.Ordinal);
        Assert.Contains("Imported 4 closures, 2 breaks and 7 windows; skipped 3 timed events.", CardReading.Said(imported), StringComparison.Ordinal);
        Assert.Single(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.File));
    }

    [Fact]
    public async Task ALinkToAnAddressInsideTheNetworkIsNotFollowedEvenWhenItsNameResolvesThere()
    {
        var (bot, _) = await StartAsync(InNewYork(2026, 11, 2, 9));
        await using var _bot = bot;
        string[] inward = ["https://10.0.0.7/springfield.ics", "https://169.254.169.254/metadata/instance", "https://localhost:1/springfield.ics"];

        var answers = new List<string>();
        foreach (var url in inward)
        {
            answers.Add(CardReading.Said(TicketWorld.CardOf(await bot.ActAsync(TicketWorld.Eli, Features.Calendar.CalendarVerbs.Import, new { url }))));
        }

        Assert.All(answers, said => Assert.Contains("I could not download that calendar file.", said, StringComparison.Ordinal));
        var refusals = bot.Logs.GetSnapshot().Where(r => r.Message.Contains("resolves only to addresses inside the network", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refusals.Count);
        await AssertNothingImportedAsync(bot);
    }

    private static Task SendFileAsync(BotApplication bot, Persona persona, Uri link) => ChatFiles.SendAsync(bot, persona, "springfield.ics", link);

    private static async Task AssertNothingImportedAsync(BotApplication bot)
    {
        using var home = Fixtures.InHomeTenant();
        var calendar = await bot.Services.GetRequiredService<CalendarStore>().GetAsync(CancellationToken.None);
        Assert.Equal((0, 0, 0), (calendar.Closures.Count, calendar.Breaks.Count, calendar.Windows.Count));
    }
}
