using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Catalogue;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>What the report form says first about the service a report is about.</summary>
public static class TicketServiceCards
{
    /// <summary>
    /// The service's name and, when it is not operational, what IT already knows ("we know; follow it"), so a person
    /// whose problem is the known one can follow it instead of reporting it again.
    /// </summary>
    public static IReadOnlyList<CardElement> Lead(Texts texts, CatalogueService service, TimeZoneInfo zone)
    {
        var lead = new List<CardElement> { new TextBlock(texts.Tickets_FormService(CardText.Escape(service.Name))) { Wrap = true, Weight = TextWeight.Bolder } };
        if (service.Status.Condition == ServiceCondition.Operational)
        {
            return lead;
        }
        var known = new List<CardElement>
        {
            new TextBlock(texts.Tickets_KnownIssue(CardText.Escape(service.Name), Condition(texts, service.Status.Condition), PeopleTime.Moment(service.Status.Since, zone, texts)))
            {
                Wrap = true, Weight = TextWeight.Bolder,
            },
        };
        if (!string.IsNullOrWhiteSpace(service.Status.Message))
        {
            known.Add(new TextBlock(CardText.Escape(service.Status.Message)) { Wrap = true });
        }
        known.Add(new TextBlock(texts.Tickets_KnownIssueFollow) { Wrap = true, IsSubtle = true });
        known.Add(new ActionSet(new ExecuteAction(texts.Tickets_FollowService, SharedVerbs.FollowService) { Data = new FollowServiceData(service.Id) }));
        lead.Insert(0, new Container(known) { Style = service.Status.Condition == ServiceCondition.Outage ? ContainerStyle.Attention : ContainerStyle.Warning });
        return lead;
    }

    private static string Condition(Texts texts, ServiceCondition condition) => condition switch
    {
        ServiceCondition.Degraded => texts.Tickets_ServiceDegraded,
        ServiceCondition.Outage => texts.Tickets_ServiceOutage,
        _ => texts.Tickets_ServiceMaintenance,
    };

    /// <summary>
    /// The FAQ entries that answer what a person typed, best first, each with its service; then the report form one
    /// press away (about the best entry's service, with what they typed).
    /// </summary>
    public static AdaptiveCard Answers(Texts texts, IReadOnlyList<FaqAnswer> answers, string typed)
    {
        var body = new List<CardElement>
        {
            new TextBlock(texts.Tickets_AnswersTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
        };
        foreach (var answer in answers)
        {
            body.Add(new Container(
                new TextBlock(CardText.Escape(answer.Entry.Question)) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(CardText.Escape(answer.Entry.Answer)) { Wrap = true, Spacing = Spacing.Small },
                new TextBlock(texts.Tickets_AnswerService(CardText.Escape(answer.Service.Name))) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None })
            {
                Separator = true,
                Spacing = Spacing.Medium,
            });
        }
        body.Add(new TextBlock(texts.Tickets_AnswersStillNeed) { Wrap = true, Spacing = Spacing.Medium });
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Tickets_AnswersReport, SharedVerbs.OpenReport) { Data = new OpenReportData(ServiceId: answers[0].Service.Id, Description: typed) }],
            FallbackText = texts.Tickets_AnswersTitle,
        };
    }
}
