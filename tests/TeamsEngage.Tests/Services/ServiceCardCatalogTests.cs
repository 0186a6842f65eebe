using System.Text.Json.Nodes;
using TeamsEngage.Cards;
using TeamsEngage.Catalogue;
using TeamsEngage.Features.Services;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Localization;
using TeamsEngage.Testing.Cards;

namespace TeamsEngage.Tests.Services;

public sealed class ServiceCardCatalogTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

    internal static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        var zone = PeopleTime.ZoneOrUtc("America/New_York");
        var wifi = new CatalogueService("wifi", "Wi-Fi *fast*", "The wireless [network](http://evil.example)", "Staff and students", "Report it here", "SCI",
            new ServicePromise(2, null, 40),
            [new FaqEntry("en", "How do I connect?", "Choose SchoolStaff."), new FaqEntry("es", "¿Cómo me conecto?", "Elige SchoolStaff.")],
            [new ServiceLink("Status", "https://status.school.example/wifi")],
            new ServiceStatus(ServiceCondition.Operational, null, Now.AddDays(-3), 2));
        var outage = wifi with { Status = new ServiceStatus(ServiceCondition.Outage, "Building B has no wireless.", Now, 3) };
        var restored = wifi with { Status = new ServiceStatus(ServiceCondition.Operational, "Back.", Now.AddHours(1), 4) };
        var bare = new CatalogueService("phones", "Phones", "", "", "", null, ServicePromise.None, [], [], ServiceStatus.OperationalSince(Now));
        var many = Enumerable.Range(1, 7).Select(i => bare with { Id = "s" + i, Name = "Service " + i }).ToList();
        foreach (var language in Texts.SupportedLanguages)
        {
            var texts = Texts.For(language);
            yield return ($"services.list-empty.{language}", ServiceCards.List(texts, [], null, 0, false, zone));
            yield return ($"services.list-first.{language}", ServiceCards.List(texts, many, null, 0, true, zone));
            yield return ($"services.list-last.{language}", ServiceCards.List(texts, many, "phones", 1, false, zone, "Saved."));
            yield return ($"services.card.{language}", ServiceCards.Service(texts, wifi, new ServiceViewer(false, false), zone));
            yield return ($"services.card-editor.{language}", ServiceCards.Service(texts, outage, new ServiceViewer(true, true), zone, "Saved."));
            yield return ($"services.card-bare.{language}", ServiceCards.Service(texts, bare, new ServiceViewer(false, false), zone));
            yield return ($"services.form-add.{language}", ServiceEditCards.Form(texts, null, true));
            yield return ($"services.form-edit.{language}", ServiceEditCards.Form(texts, wifi, false, "Not saved."));
            yield return ($"services.status-form.{language}", ServiceEditCards.StatusForm(texts, wifi, "Choose a status."));
            yield return ($"services.announcement.{language}", ServiceEditCards.Announcement(texts, outage, outage.Status, zone, false));
            yield return ($"services.announcement-superseded.{language}", ServiceEditCards.Announcement(texts, restored, outage.Status, zone, true));
            yield return ($"services.announcement-restored.{language}", ServiceEditCards.Announcement(texts, restored, restored.Status, zone, true));
            yield return ($"services.answers.{language}", TicketServiceCards.Answers(texts, [new FaqAnswer(wifi, wifi.Faqs[0]), new FaqAnswer(bare, new FaqEntry(language, "Q *x*?", "A."))], "How do I connect?"));
            yield return ($"services.report-form-outage.{language}", TicketCards.ReportForm(texts, new ReportFormData(ServiceId: "wifi"), lead: TicketServiceCards.Lead(texts, outage, zone)));
        }
    }

    [Fact]
    public async Task EveryCatalogueCardPassesTheOfficialParser()
    {
        var samples = Samples().ToList();

        var reports = await AdaptiveCardsParser.ValidateAsync(samples.Select(s => (s.Name, (JsonNode)s.Card.ToJsonNode())));

        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
        Assert.Equal(samples.Count, reports.Count);
    }

    [Fact]
    public void TextAServiceEditorTypedNeverReachesACardAsMarkdown()
    {
        var json = Samples().Single(s => s.Name == "services.card.en").Card.ToJson();

        Assert.Contains(@"Wi-Fi \\*fast\\*", json, StringComparison.Ordinal);
        Assert.Contains(@"\\[network\\]", json, StringComparison.Ordinal);
    }
}
