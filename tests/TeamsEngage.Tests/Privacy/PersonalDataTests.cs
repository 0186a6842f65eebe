using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Privacy;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Privacy.PrivacyWorld;

namespace TeamsEngage.Tests.Privacy;

public sealed class PersonalDataTests
{
    [Fact]
    public async Task AnExportHoldsThePersonsDataFromEveryFeatureAndNothingOfAnyoneElse()
    {
        var (bot, _) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        var (ticketId, pollId, noticeId) = await LeaveTracesAsync(bot);
        var feedbackId = await TeamsEngage.Tests.Feedback.FeedbackWorld.FileAsync(bot, Carmen, "Más enchufes en el aula 4");

        var json = await ExportAsync(bot, Carmen);

        var sections = JsonNode.Parse(json)!["sections"]!.AsObject();
        Assert.Contains(feedbackId, sections["feedback"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["feedback", "messages", "notices", "polls", "profile", "serviceFollows", "surveys", "tickets", "welcome"], sections.Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(sections, s => Assert.NotEmpty(s.Value!.AsArray()));
        Assert.Contains(DirectorySeeding.EmailOf(Carmen), sections["profile"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(ticketId, sections["tickets"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(pollId, sections["polls"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("More projectors", sections["surveys"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(noticeId, sections["notices"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(Carmen.ConversationId, sections["welcome"]!.ToJsonString(), StringComparison.Ordinal);
        foreach (var other in new[] { Ana, Ben, Dan, Gus })
        {
            Assert.All(TracesOf(other), trace => Assert.DoesNotContain(trace, json, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task AnExportLinkExpiresAndAForgedOrAlteredLinkIsRefused()
    {
        var (bot, clock) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        var link = await ExportLinkAsync(bot, Carmen);
        var forged = link[..^4] + (link[^4..] == "0000" ? "1111" : "0000");
        var otherId = link.Replace("/exports/", "/exports/0", StringComparison.Ordinal);

        using var valid = await bot.Http.GetAsync(new Uri(link).PathAndQuery);
        using var wrongSignature = await bot.Http.GetAsync(new Uri(forged).PathAndQuery);
        using var wrongId = await bot.Http.GetAsync(new Uri(otherId).PathAndQuery);
        clock.Advance(TimeSpan.FromMinutes(16));
        using var expired = await bot.Http.GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(System.Net.HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, wrongSignature.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, wrongId.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, expired.StatusCode);
        var exported = Assert.Single(await AuditAsync(bot), e => e.Action == "privacy.exported");
        Assert.Equal((DirectorySeeding.KeyOf(Ana), PersonalDataService.Pseudonym(DirectorySeeding.KeyOf(Carmen))), (exported.Actor, exported.Subject));
    }

    [Fact]
    public async Task AnErasureLeavesNoTraceOfThePersonInAnyRowButTheirAnonymisedTicketsAndIsAudited()
    {
        var (bot, _) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        var (ticketId, _, _) = await LeaveTracesAsync(bot);
        Assert.Contains(bot.AllRows(), row => row.Contains(Carmen.UserId, StringComparison.Ordinal));

        var confirm = await bot.ExecuteAsync(Ana, PrivacyVerbs.AskErase, new { personKey = DirectorySeeding.KeyOf(Carmen) });
        Assert.Contains(PrivacyVerbs.Erase, confirm.ToJsonString(), StringComparison.Ordinal);
        var erased = await bot.ExecuteAsync(Ana, PrivacyVerbs.Erase, new { personKey = DirectorySeeding.KeyOf(Carmen), confirmed = true });

        Assert.Contains("Erased:", erased.ToJsonString(), StringComparison.Ordinal);
        var rows = bot.AllRows();
        foreach (var trace in TracesOf(Carmen))
        {
            Assert.DoesNotContain(rows, row => row.Contains(trace, StringComparison.OrdinalIgnoreCase));
        }
        var ticket = await bot.TicketAsync(ticketId);
        Assert.Equal((TicketPersonalData.FormerStaff, null, ""), (ticket!.ReporterName, ticket.ReporterKey, ticket.ReporterUserId));
        Assert.Equal(TicketStatus.Open, ticket.Status);
        var audit = Assert.Single(await AuditAsync(bot), e => e.Action == "privacy.erased");
        Assert.Equal((DirectorySeeding.KeyOf(Ana), PersonalDataService.Pseudonym(DirectorySeeding.KeyOf(Carmen))), (audit.Actor, audit.Subject));
        Assert.EndsWith(" records", audit.Detail, StringComparison.Ordinal);
        Assert.NotNull(await bot.Services.GetRequiredService<IPeopleDirectory>().FindAsync(DirectorySeeding.KeyOf(Dan)));
    }

    [Fact]
    public async Task AMemberCannotUseThePrivacyCommandOrItsButtonsAndAForgedPersonFindsNobody()
    {
        var (bot, _) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        var es = Texts.For("es");

        await bot.SayAsync(Carmen, "privacidad");
        var export = await bot.ExecuteAsync(Carmen, PrivacyVerbs.Export, new { personKey = DirectorySeeding.KeyOf(Dan) });
        var erase = await bot.ExecuteAsync(Carmen, PrivacyVerbs.Erase, new { personKey = DirectorySeeding.KeyOf(Dan), confirmed = true });
        var find = await bot.ExecuteAsync(Carmen, PrivacyVerbs.Find, new { query = "school.example" });
        var forged = await bot.ExecuteAsync(Ana, PrivacyVerbs.Erase, new { personKey = "not-a-person", confirmed = true });

        Assert.Equal(es["Refused_Command"], bot.SentTo(Carmen)[^1].Text);
        Assert.All(new[] { export, erase, find }, r => Assert.Equal(es["Privacy_Refused"], NoticeFlow.MessageOf(r)));
        Assert.Equal(Texts.For("en")["Privacy_NotFound"], NoticeFlow.MessageOf(forged));
        Assert.NotNull(await bot.Services.GetRequiredService<IPeopleDirectory>().FindAsync(DirectorySeeding.KeyOf(Dan)));
        Assert.DoesNotContain(await AuditAsync(bot), e => e.Action.StartsWith("privacy.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdministratorFindsPeopleByEmailOrName()
    {
        var (bot, _) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();

        var found = await bot.ExecuteAsync(Ana, PrivacyVerbs.Find, new { query = "carmen" });

        var card = NoticeFlow.CardOf(found).ToJsonString();
        Assert.Contains(DirectorySeeding.KeyOf(Carmen), card, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectorySeeding.KeyOf(Dan), card, StringComparison.Ordinal);
    }

    /// <summary>Carmen reports a ticket, votes in a named poll, answers a named survey, acknowledges a notice; Dan does the same, so there is someone else to leave out.</summary>
    private static async Task<(string TicketId, string PollId, string NoticeId)> LeaveTracesAsync(BotApplication bot)
    {
        var ticketId = await bot.FileTicketAsync(Carmen, "1700000000901");
        await bot.FileTicketAsync(Dan, "1700000000902");
        var pollId = await bot.SendNamedPollAsync();
        await bot.VoteAsync(Carmen, pollId, "0");
        await bot.VoteAsync(Dan, pollId, "1");
        var surveyId = await bot.SendNamedSurveyAsync();
        await bot.ExecuteAsync(Carmen, TeamsEngage.Features.Surveys.SurveyVerbs.Answer, new { surveyId, @for = Carmen.UserId, q0 = "More projectors" });
        await bot.ExecuteAsync(Dan, TeamsEngage.Features.Surveys.SurveyVerbs.Answer, new { surveyId, @for = Dan.UserId, q0 = "Nothing" });
        var outbox = bot.Services.GetRequiredService<TeamsEngage.Outbox.IOutbox>();
        await TeamsEngage.Testing.Waiting.Eventually.TrueAsync(
            async () => await outbox.ReadDeliveriesAsync(pollId).AllAsync(d => d.Status != TeamsEngage.Outbox.DeliveryStatus.Pending), "the poll to be delivered");
        var noticeId = await NoticeFlow.SendAsync(bot, NoticeFlow.Form(departments: "SCI"));
        await NoticeFlow.WaitForNoticeAsync(bot, Carmen);
        await NoticeFlow.WaitForNoticeAsync(bot, Dan);
        foreach (var persona in new[] { Carmen, Dan })
        {
            await NoticeFlow.UntilCardAsync(() => bot.ExecuteAsync(persona, NoticeVerbs.Acknowledge, new { noticeId }));
        }
        await bot.ExecuteAsync(Ana, "directory.import", new { kind = "services", csv = "wifi,Wi-Fi" });
        await bot.ExecuteAsync(Carmen, "services.follow", new { serviceId = "wifi" });
        await bot.ExecuteAsync(Dan, "services.follow", new { serviceId = "wifi" });
        return (ticketId, pollId, noticeId);
    }

    private static async Task<string> ExportLinkAsync(BotApplication bot, Persona persona)
    {
        var response = await bot.ExecuteAsync(Ana, PrivacyVerbs.Export, new { personKey = DirectorySeeding.KeyOf(persona) });
        return NoticeFlow.CardOf(response)["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
    }

    private static async Task<string> ExportAsync(BotApplication bot, Persona persona)
    {
        using var response = await bot.Http.GetAsync(new Uri(await ExportLinkAsync(bot, persona)).PathAndQuery);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<IReadOnlyList<DirectoryChange>> AuditAsync(BotApplication bot) =>
        bot.Services.GetRequiredService<DirectoryAudit>().ListAsync(CancellationToken.None);
}
