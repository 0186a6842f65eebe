using TeamsEngage.Cards;
using TeamsEngage.Catalogue;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Services;

/// <summary>The editors' cards (the service form, the status form) and the status announcement people receive.</summary>
public static class ServiceEditCards
{
    /// <summary>The add form (no <paramref name="service"/>) or edit form; a liaison cannot move a service to another department.</summary>
    public static AdaptiveCard Form(Texts texts, CatalogueService? service, bool canChangeOwner, string? problem = null)
    {
        var s = service;
        var body = new List<CardElement> { ServiceCards.Heading(s is null ? texts.Services_FormAdd : texts.Services_FormEdit(CardText.Escape(s.Name))) };
        if (problem is not null)
        {
            body.Add(new TextBlock(problem) { Wrap = true, Color = TextColor.Attention });
        }
        if (s is null)
        {
            body.Add(new TextInput("id") { Label = texts.Services_FieldId, IsRequired = true, ErrorMessage = texts.Services_FieldIdRequired, MaxLength = 40, Regex = "^[a-z0-9][a-z0-9-]{1,39}$" });
        }
        body.Add(new TextInput("name") { Label = texts.Services_FieldName, IsRequired = true, ErrorMessage = texts.Services_FieldNameRequired, MaxLength = 100, Value = s?.Name });
        body.Add(new TextInput("description") { Label = texts.Services_FieldDescription, IsMultiline = true, MaxLength = CatalogueImporter.MaxText, Value = s?.Description });
        body.Add(new TextInput("audience") { Label = texts.Services_For, MaxLength = 500, Value = s?.Audience });
        body.Add(new TextInput("help") { Label = texts.Services_GetHelp, IsMultiline = true, MaxLength = CatalogueImporter.MaxText, Value = s?.HowToGetHelp });
        if (canChangeOwner)
        {
            body.Add(new TextInput("owner") { Label = texts.Services_FieldOwner, MaxLength = 10, Value = s?.OwnerDepartment });
        }
        body.Add(new TextBlock(texts.Services_FieldHoursHint) { Wrap = true, IsSubtle = true });
        body.Add(Hours("highHours", texts.Services_PromiseHigh, s?.Promise.HighHours));
        body.Add(Hours("normalHours", texts.Services_PromiseNormal, s?.Promise.NormalHours));
        body.Add(Hours("lowHours", texts.Services_PromiseLow, s?.Promise.LowHours));
        body.Add(new TextInput("links") { Label = texts.Services_FieldLinks, MaxLength = 2000, Value = s is null ? null : string.Join("; ", s.Links.Select(l => $"{l.Title}|{l.Url}")) });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Services_Save, ServiceVerbs.Save) { Data = new ServiceFormData(ServiceId: s?.Id), AssociatedInputs = AssociatedInputs.Auto },
                new ExecuteAction(texts.Services_Back, ServiceVerbs.Page) { Data = new ServicePageData(), AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = texts.Services_Title,
        };
    }

    /// <summary>The status form: condition, message, and whom to tell besides the followers.</summary>
    public static AdaptiveCard StatusForm(Texts texts, CatalogueService service, string? problem = null)
    {
        var body = new List<CardElement> { ServiceCards.Heading(texts.Services_StatusTitle(CardText.Escape(service.Name))) };
        if (problem is not null)
        {
            body.Add(new TextBlock(problem) { Wrap = true, Color = TextColor.Attention });
        }
        body.Add(new ChoiceSetInput("condition", [.. Enum.GetValues<ServiceCondition>().Select(c => new Choice(ServiceCards.Condition(texts, c), c.ToString()))])
        {
            Label = texts.Services_StatusCondition,
            IsRequired = true,
            ErrorMessage = texts.Services_StatusConditionRequired,
            Value = service.Status.Condition.ToString(),
        });
        body.Add(new TextInput("message") { Label = texts.Services_StatusMessage, IsMultiline = true, MaxLength = 1000 });
        body.Add(new ChoiceSetInput("notify",
            new Choice(texts.Services_NotifyFollowers, StatusNotify.Followers),
            new Choice(texts.Services_NotifyDepartment, StatusNotify.Department),
            new Choice(texts.Services_NotifyEveryone, StatusNotify.Everyone))
        {
            Label = texts.Services_Notify,
            Style = ChoiceInputStyle.Expanded,
            Value = StatusNotify.Followers,
        });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Services_StatusSave, ServiceVerbs.SetStatus) { Data = new StatusFormData(service.Id), AssociatedInputs = AssociatedInputs.Auto },
                new ExecuteAction(texts.Services_Back, ServiceVerbs.Show) { Data = new ServiceRef(service.Id), AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = texts.Services_Title,
        };
    }

    /// <summary>
    /// The announcement of one status change. When a later change has been announced, the card (updated in place)
    /// says so on top, so nobody acts on an outage that is over.
    /// </summary>
    public static AdaptiveCard Announcement(Texts texts, CatalogueService service, ServiceStatus announced, TimeZoneInfo zone, bool following)
    {
        var restored = announced.Condition == ServiceCondition.Operational;
        var body = new List<CardElement>();
        if (service.Status.Version > announced.Version)
        {
            body.Add(new TextBlock(texts.Services_AnnouncementSuperseded(ServiceCards.Condition(texts, service.Status.Condition), PeopleTime.Moment(service.Status.Since, zone, texts)))
            {
                Wrap = true, Weight = TextWeight.Bolder, Color = ServiceCards.ColorOf(service.Status.Condition),
            });
        }
        body.Add(ServiceCards.Heading(restored ? texts.Services_AnnouncementRestored(CardText.Escape(service.Name)) : texts.Services_AnnouncementTitle(CardText.Escape(service.Name))));
        body.Add(ServiceCards.StatusBlock(texts, announced, zone));
        var actions = new List<CardAction> { new ExecuteAction(texts.Services_Open, ServiceVerbs.Show) { Data = new ServiceRef(service.Id) } };
        if (!following)
        {
            actions.Add(new ExecuteAction(texts.Services_Follow, Bot.SharedVerbs.FollowService) { Data = new Bot.FollowServiceData(service.Id) });
        }
        return new AdaptiveCard(body) { Actions = actions, FallbackText = texts.Services_AnnouncementTitle(service.Name) };
    }

    private static NumberInput Hours(string id, string label, int? value) =>
        new(id) { Label = label, Min = 1, Max = 720, Value = value };
}

/// <summary>Whom a status change is told to besides the followers.</summary>
public static class StatusNotify
{
    public const string Followers = "followers";
    public const string Department = "department";
    public const string Everyone = "everyone";
}
