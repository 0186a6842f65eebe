using System.Text.Json.Nodes;
using TeamsEngage.Commands;
using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Polls;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Services;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Cards;

/// <summary>
/// The main cards as a real bot sends them, collected from the connector stub and the invoke responses: a school where
/// Ana teaches Science, Ben is Science's liaison and Eli administers, everyone speaking <c>language</c>.
/// </summary>
internal static class CardGallery
{
    public const string Welcome = "welcome";
    public const string Help = "help";
    public const string ReportForm = "report-form";
    public const string TicketLiaison = "ticket-liaison";
    public const string TicketReporter = "ticket-reporter";
    public const string Notice = "notice";
    public const string NoticeStatus = "notice-status";
    public const string PollBallot = "poll-ballot";
    public const string PollResults = "poll-results";
    public const string Services = "services";
    public const string FeedbackBoard = "feedback-board";

    public static async Task<IReadOnlyDictionary<string, JsonNode>> CollectAsync(string language)
    {
        var locale = language == "es" ? "es-ES" : "en-US";
        var ana = Persona.Ana.WithLocale(locale);
        var ben = Persona.Ben.WithLocale(locale);
        var eli = Persona.Create("Eli Grant", "eli").WithLocale(locale);
        await using var bot = await StartAsync(language, ana, ben, eli);
        var cards = new Dictionary<string, JsonNode>
        {
            [Welcome] = SentCards.CardOf(bot.SentTo(ana)[0]),
            [Help] = await AnswerAsync(bot, ana, BotCommands.Help.WordFor(language)),
            [ReportForm] = await AnswerAsync(bot, ana, BotCommands.Report.WordFor(language)),
        };
        await AddTicketAsync(bot, cards, ana, ben);
        await AddNoticeAsync(bot, cards, ana, eli);
        await AddPollAsync(bot, cards, ana, eli);
        cards[Services] = await AnswerAsync(bot, ana, BotCommands.Services.WordFor(language));
        await AddFeedbackAsync(bot, cards, ana, ben, language);
        return cards;
    }

    private static async Task<BotApplication> StartAsync(string language, Persona ana, Persona ben, Persona eli)
    {
        var settings = DirectorySeeding.Settings(
            departments: $"Science,SCI,{DirectorySeeding.EmailOf(ben)},,4\nMathematics,MAT,,,8",
            people: string.Join('\n',
                $"{DirectorySeeding.EmailOf(ana)},SCI,member,{language}",
                $"{DirectorySeeding.EmailOf(ben)},SCI,liaison,{language}"),
            administrators: [eli]);
        foreach (var (key, value) in OutboxHost.FastSettings().Concat(Tickets.TicketWorld.RoundTheClock))
        {
            settings[key] = value;
        }
        var folder = System.IO.Directory.CreateTempSubdirectory("teamsengage-gallery-").FullName;
        settings["TeamsEngage:Catalogue:ServicesCsv"] = Path.Combine(folder, "services.csv");
        settings["TeamsEngage:Catalogue:FaqCsv"] = Path.Combine(folder, "faq.csv");
        await File.WriteAllTextAsync(settings["TeamsEngage:Catalogue:ServicesCsv"]!, ServiceWorld.ServicesCsv);
        await File.WriteAllTextAsync(settings["TeamsEngage:Catalogue:FaqCsv"]!, ServiceWorld.FaqCsv);
        var bot = await BotApplication.StartAsync(settings);
        foreach (var persona in new[] { eli, ben, ana })
        {
            await bot.InstallAsync(persona);
        }
        return bot;
    }

    /// <summary>Says <paramref name="text"/> as the persona and returns the card the bot answers with.</summary>
    private static async Task<JsonNode> AnswerAsync(BotApplication bot, Persona persona, string text)
    {
        var before = bot.SentTo(persona).Count;
        await bot.SayAsync(persona, text);
        await bot.Connector.WaitForActivitiesAsync(persona.ConversationId, before + 1, TimeSpan.FromSeconds(15));
        return SentCards.CardOf(bot.SentTo(persona)[before]);
    }

    private static async Task AddTicketAsync(BotApplication bot, Dictionary<string, JsonNode> cards, Persona ana, Persona ben)
    {
        var submitted = await bot.ExecuteAsync(ana, TicketVerbs.Submit, new { description = "The projector in room 12 shows no picture", location = "Room 12", urgency = "StoppingClass" });
        var title = SentCards.TitleOf(submitted["value"]!)!;
        var ticketId = title[(title.LastIndexOf(' ') + 1)..];
        var delivered = await bot.Connector.WaitForAsync(r => r.Route is ConnectorRoute.Send && r.Succeeded
            && r.ConversationId == ben.ConversationId && r.Body.Contains(ticketId, StringComparison.Ordinal));
        cards[TicketLiaison] = SentCards.CardOf(delivered[0].ReadActivity()!);
        await bot.ExecuteAsync(ben, TicketVerbs.Claim, new { ticketId });
        var before = bot.Connector.Requests.Count;
        await bot.ExecuteAsync(ben, TicketVerbs.Reply, new { ticketId, replyText = "I am on my way with a spare lamp." });
        // The reporter's own ticket card (the one the report form became) is updated in place after the reply.
        var update = await Eventually.ValueAsync(
            () => Task.FromResult(bot.Connector.Requests.Skip(before).LastOrDefault(r => r.Route is ConnectorRoute.Update && r.Succeeded && r.ConversationId == ana.ConversationId)),
            r => r is not null, "the reporter's ticket card updated after the reply");
        cards[TicketReporter] = SentCards.CardOf(update!.ReadActivity()!);
    }

    private static async Task AddNoticeAsync(BotApplication bot, Dictionary<string, JsonNode> cards, Persona ana, Persona eli)
    {
        var form = NoticeFlow.Form();
        form["title"] = "Gradebook upgrade tonight";
        var preview = NoticeFlow.CardOf(await bot.ExecuteAsync(eli, NoticeVerbs.Preview, form));
        var send = NoticeFlow.Actions(preview).Single(a => a["verb"]?.GetValue<string>() == NoticeVerbs.Send);
        var noticeId = send["data"]!["noticeId"]!.GetValue<string>();
        await bot.ExecuteAsync(eli, NoticeVerbs.Send, new { noticeId });
        var delivered = await Eventually.ValueAsync(() => Task.FromResult(NoticeFlow.Delivered(bot, ana)), d => d.Count > 0, "the notice delivered to the teacher");
        cards[Notice] = SentCards.CardOf(delivered[0]);
        using (TeamsEngage.Storage.TenantScope.Enter(Fixtures.TenantId))
        {
            await NoticeFlow.UntilSettledAsync(bot, noticeId);
        }
        cards[NoticeStatus] = NoticeFlow.CardOf(await NoticeFlow.UntilCardAsync(() => bot.ExecuteAsync(eli, NoticeVerbs.Status, new { noticeId })));
    }

    private static async Task AddPollAsync(BotApplication bot, Dictionary<string, JsonNode> cards, Persona ana, Persona eli)
    {
        var before = bot.SentTo(ana).Count;
        var preview = await bot.ExecuteAsync(eli, PollVerbs.Preview, new { question = "Which training slot suits you?", options = "Monday after school\nWednesday lunchtime\nFriday morning", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01", closeTime = "12:00" });
        var send = NoticeFlow.Actions(preview["value"]!).First(a => a["verb"]?.GetValue<string>() == PollVerbs.Send);
        var pollId = send["data"]!["pollId"]!.GetValue<string>();
        await bot.ExecuteAsync(eli, PollVerbs.Send, new { pollId });
        await bot.Connector.WaitForActivitiesAsync(ana.ConversationId, before + 1, TimeSpan.FromSeconds(15));
        cards[PollBallot] = SentCards.CardOf(bot.SentTo(ana)[before]);
        await bot.ExecuteAsync(ana, PollVerbs.Vote, new { pollId, @for = ana.UserId, choice = "1" });
        cards[PollResults] = (await bot.ExecuteAsync(eli, PollVerbs.Results, new { pollId }))["value"]!;
    }

    private static async Task AddFeedbackAsync(BotApplication bot, Dictionary<string, JsonNode> cards, Persona ana, Persona ben, string language)
    {
        await bot.ExecuteAsync(ana, FeedbackVerbs.Submit, new { kind = "Idea", text = "A second wireless access point in the gym", topic = "general", anonymous = "false", fileAnyway = "true" });
        await bot.ExecuteAsync(ben, FeedbackVerbs.Submit, new { kind = "Idea", text = "Short video guides for the new gradebook", topic = "general", anonymous = "true", fileAnyway = "true" });
        cards[FeedbackBoard] = await AnswerAsync(bot, ana, BotCommands.Ideas.WordFor(language));
    }
}
