using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Catalogue;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Services;

/// <summary>What a person may do on a service's card besides reading it.</summary>
public sealed record ServiceViewer(bool Following, bool CanEdit);

/// <summary>The catalogue's cards for everyone: the paged list with its search, and a service's card.</summary>
public static class ServiceCards
{
    public const int PageSize = 5;

    /// <summary>One page of <paramref name="services"/> (already searched and ordered), with the search box and paging.</summary>
    public static AdaptiveCard List(Texts texts, IReadOnlyList<CatalogueService> services, string? query, int page, bool canAdd, TimeZoneInfo zone, string? notice = null)
    {
        var pages = Math.Max(1, (services.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var body = new List<CardElement> { Heading(texts.Services_Title) };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Wrap = true, Color = TextColor.Accent });
        }
        body.Add(new TextInput("query") { Label = texts.Services_SearchLabel, Placeholder = texts.Services_SearchPlaceholder, MaxLength = 200, Value = query });
        body.Add(new ActionSet(new ExecuteAction(texts.Services_Search, ServiceVerbs.Page) { Data = new ServicePageData(), AssociatedInputs = AssociatedInputs.Auto }));
        body.Add(new TextBlock(services.Count == 0
            ? (string.IsNullOrWhiteSpace(query) ? texts.Services_Empty : texts.Services_NoMatch)
            : texts.Services_PageOf((page + 1).ToString(texts.Culture), pages.ToString(texts.Culture), services.Count.ToString(texts.Culture)))
        { Wrap = true, IsSubtle = true });
        body.AddRange(services.Skip(page * PageSize).Take(PageSize).Select(s => Entry(texts, s, zone)));
        var actions = new List<CardAction>();
        if (page > 0)
        {
            actions.Add(new ExecuteAction(texts.Services_Previous, ServiceVerbs.Page) { Data = new ServicePageData(query, page - 1), AssociatedInputs = AssociatedInputs.None });
        }
        if (page < pages - 1)
        {
            actions.Add(new ExecuteAction(texts.Services_Next, ServiceVerbs.Page) { Data = new ServicePageData(query, page + 1), AssociatedInputs = AssociatedInputs.None });
        }
        if (canAdd)
        {
            actions.Add(new ExecuteAction(texts.Services_Add, ServiceVerbs.Add) { Data = new NoData() });
        }
        return new AdaptiveCard(body) { Actions = actions, FallbackText = texts.Services_Title };
    }

    /// <summary>A service's card: status, promise, who it is for, how to get help, FAQ in the viewer's language, links, actions.</summary>
    public static AdaptiveCard Service(Texts texts, CatalogueService service, ServiceViewer viewer, TimeZoneInfo zone, string? notice = null)
    {
        var body = new List<CardElement> { Heading(CardText.Escape(service.Name)) };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Wrap = true, Color = TextColor.Accent });
        }
        body.Add(StatusBlock(texts, service.Status, zone));
        if (!string.IsNullOrWhiteSpace(service.Description))
        {
            body.Add(new TextBlock(CardText.Escape(service.Description)) { Wrap = true });
        }
        body.Add(new FactSet(
        [
            new Fact(texts.Services_For, CardText.Escape(Or(service.Audience, texts.Services_Everyone))),
            new Fact(texts.Services_GetHelp, CardText.Escape(Or(service.HowToGetHelp, texts.Services_ReportHere))),
            .. PromiseFacts(texts, service.Promise),
        ]));
        var faqs = service.FaqsIn(texts.Language);
        if (faqs.Count > 0)
        {
            body.Add(new TextBlock(texts.Services_Faq) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium, Separator = true });
            body.AddRange(faqs.Take(8).Select(f => new Container(
                new TextBlock(CardText.Escape(f.Question)) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock(CardText.Escape(f.Answer)) { Wrap = true, Spacing = Spacing.Small })));
        }
        if (service.Links.Count > 0)
        {
            body.Add(new ActionSet([.. service.Links.Select(l => (CardAction)new OpenUrlAction(CardText.Truncate(l.Title, 60), new Uri(l.Url)))]));
        }
        return new AdaptiveCard(body) { Actions = Actions(texts, service, viewer), FallbackText = service.Name };
    }

    /// <summary>The status line: condition, since when, and IT's message.</summary>
    public static Container StatusBlock(Texts texts, ServiceStatus status, TimeZoneInfo zone)
    {
        var items = new List<CardElement>
        {
            new TextBlock(texts.Services_StatusLine(Condition(texts, status.Condition), PeopleTime.Moment(status.Since, zone, texts)))
            {
                Wrap = true, Weight = TextWeight.Bolder, Color = ColorOf(status.Condition),
            },
        };
        if (!string.IsNullOrWhiteSpace(status.Message))
        {
            items.Add(new TextBlock(CardText.Escape(status.Message)) { Wrap = true, Spacing = Spacing.Small });
        }
        return new Container(items);
    }

    public static string Condition(Texts texts, ServiceCondition condition) => condition switch
    {
        ServiceCondition.Operational => texts.Services_Condition_Operational,
        ServiceCondition.Degraded => texts.Services_Condition_Degraded,
        ServiceCondition.Outage => texts.Services_Condition_Outage,
        _ => texts.Services_Condition_Maintenance,
    };

    public static TextColor ColorOf(ServiceCondition condition) => condition switch
    {
        ServiceCondition.Operational => TextColor.Good,
        ServiceCondition.Outage => TextColor.Attention,
        _ => TextColor.Warning,
    };

    /// <summary>The promise per urgency; an unset one says the department's promise applies.</summary>
    public static IEnumerable<Fact> PromiseFacts(Texts texts, ServicePromise promise) =>
    [
        new(texts.Services_PromiseHigh, Hours(texts, promise.HighHours)),
        new(texts.Services_PromiseNormal, Hours(texts, promise.NormalHours)),
        new(texts.Services_PromiseLow, Hours(texts, promise.LowHours)),
    ];

    private static string Hours(Texts texts, int? hours) =>
        hours is { } h ? texts.Services_Hours(h.ToString(texts.Culture)) : texts.Services_DepartmentPromise;

    private static List<CardAction> Actions(Texts texts, CatalogueService service, ServiceViewer viewer)
    {
        var id = service.Id;
        var actions = new List<CardAction>
        {
            new ExecuteAction(texts.Services_Report, SharedVerbs.OpenReport) { Data = new OpenReportData(ServiceId: id) },
            new ExecuteAction(texts.Services_Feedback, ServiceVerbs.GiveFeedback) { Data = new FeedbackTopicData("service:" + id) },
            viewer.Following
                ? new ExecuteAction(texts.Services_Unfollow, ServiceVerbs.Unfollow) { Data = new ServiceRef(id) }
                : new ExecuteAction(texts.Services_Follow, SharedVerbs.FollowService) { Data = new FollowServiceData(id) },
        };
        if (viewer.CanEdit)
        {
            actions.Add(new ExecuteAction(texts.Services_Edit, ServiceVerbs.Edit) { Data = new ServiceRef(id) });
            actions.Add(new ExecuteAction(texts.Services_SetStatus, ServiceVerbs.StatusForm) { Data = new ServiceRef(id) });
        }
        return actions;
    }

    private static Container Entry(Texts texts, CatalogueService s, TimeZoneInfo zone)
    {
        var lines = new List<CardElement>
        {
            new TextBlock($"**{CardText.Escape(s.Name)}**") { Wrap = true },
            new TextBlock(texts.Services_StatusLine(Condition(texts, s.Status.Condition), PeopleTime.Moment(s.Status.Since, zone, texts))) { Wrap = true, Color = ColorOf(s.Status.Condition), Size = TextSize.Small, Spacing = Spacing.None },
        };
        if (!string.IsNullOrWhiteSpace(s.Description))
        {
            lines.Add(new TextBlock(CardText.Escape(CardText.Truncate(s.Description, 140))) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        }
        return new Container(new ColumnSet(
            new Column(lines) { Width = ColumnWidth.Stretch },
            new Column(new ActionSet(new ExecuteAction(texts.Services_Open, ServiceVerbs.Show) { Data = new ServiceRef(s.Id) })) { Width = ColumnWidth.Auto }))
        {
            Separator = true,
            Spacing = Spacing.Medium,
        };
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    internal static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };
}
