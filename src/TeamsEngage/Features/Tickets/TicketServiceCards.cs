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
            new TextBlock(texts.Tickets_KnownIssue(CardText.Escape(service.Name), Condition(texts, service.Status.Condition), PeopleTime.Brief(service.Status.Since, zone, texts)))
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
}
