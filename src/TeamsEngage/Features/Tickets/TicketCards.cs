using TeamsEngage.Cards;
using TeamsEngage.Commands;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>The reporter's cards: the report form, the ticket as the reporter sees it, and <c>my issues</c>.</summary>
public static class TicketCards
{
    public const int MaxDescription = 2000;
    public const int MaxLocation = 200;
    public const int MaxMessage = 2000;

    /// <summary>The report form, optionally prefilled, with an intro line and the errors of a refused submission.</summary>
    /// <remarks><paramref name="lead"/> comes first: the service the report is about, and its known outage.</remarks>
    public static AdaptiveCard ReportForm(Texts texts, ReportFormData prefill, ReportFormErrors? errors = null, string? intro = null, IReadOnlyList<CardElement>? lead = null)
    {
        var body = new List<CardElement> { Title(texts.Tickets_FormTitle) };
        body.AddRange(lead ?? []);
        if (intro is not null)
        {
            body.Add(new TextBlock(intro) { Wrap = true });
        }
        body.Add(new TextInput("description")
        {
            Label = texts.Tickets_FormWhat,
            Placeholder = texts.Tickets_FormWhatHint,
            IsMultiline = true,
            IsRequired = true,
            MaxLength = MaxDescription,
            ErrorMessage = texts.Tickets_FormWhatMissing,
            Value = prefill.Description,
        });
        AddError(body, errors?.Description);
        body.Add(new TextInput("location")
        {
            Label = texts.Tickets_FormWhere,
            Placeholder = texts.Tickets_FormWhereHint,
            IsRequired = true,
            MaxLength = MaxLocation,
            ErrorMessage = texts.Tickets_FormWhereMissing,
            Value = prefill.Location,
        });
        AddError(body, errors?.Location);
        body.Add(new ChoiceSetInput("urgency", UrgencyChoices(texts))
        {
            Label = texts.Tickets_FormUrgency,
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = texts.Tickets_FormUrgencyMissing,
            Value = prefill.Urgency,
        });
        AddError(body, errors?.Urgency);
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Tickets_FormSend, TicketVerbs.Submit) { Data = new ReportFormData(prefill.NoticeId, ServiceId: prefill.ServiceId), Style = ActionStyle.Positive }],
            FallbackText = texts.Tickets_FormTitle,
        };
    }

    // Right under its field, as the client shows its own validation: every error at once, each where it is fixed.
    private static void AddError(List<CardElement> body, string? error)
    {
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.Small });
        }
    }

    /// <summary>The ticket as its reporter sees it: id, who handles it, by when, status; and what they can do now.</summary>
    public static AdaptiveCard Reporter(Ticket ticket, Texts texts, TimeZoneInfo zone)
    {
        var facts = new List<Fact>
        {
            new(texts.Tickets_FactStatus, StatusText(ticket, texts)),
            new(texts.Tickets_FactHandler, HandlerText(ticket, texts)),
            new(texts.Tickets_FactDue, PeopleTime.Moment(ticket.DueAt, zone, texts)),
            new(texts.Tickets_FactUrgency, UrgencyText(ticket.Urgency, texts)),
            new(texts.Tickets_FactWhere, CardText.Escape(ticket.Location)),
        };
        if (ticket.ServiceName is { } service)
        {
            facts.Insert(0, new(texts.Tickets_FactService, CardText.Escape(service)));
        }
        var body = new List<CardElement>
        {
            Title(texts.Tickets_ReporterTitle(ticket.Id)),
            new TextBlock(ticket.Status == TicketStatus.Resolved ? texts.Tickets_ReporterResolvedIntro : texts.Tickets_ReporterIntro) { Wrap = true },
            CardText.UserText(ticket.Description, 500, italic: true),
            new FactSet(facts),
        };
        if (ticket.FeedbackId is { } feedback)
        {
            body.Add(new TextBlock(texts.Tickets_ReporterFeedback(CardText.Escape(feedback))) { Wrap = true, IsSubtle = true });
        }
        if (ticket.AssigneeKey is null && ticket.ClaimedByKey is null && ticket.IsOpen)
        {
            body.Add(new TextBlock(ticket.DepartmentName is { } department
                ? texts.Tickets_NoLiaisonTruth(CardText.Escape(department))
                : texts.Tickets_NoDepartmentTruth(BotCommands.Profile.WordFor(texts.Language))) { Wrap = true, IsSubtle = true });
        }
        if (ticket.Resolution is { } note && ticket.Status == TicketStatus.Resolved)
        {
            body.Add(new TextBlock(texts.Tickets_ResolutionLabel) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(CardText.UserText(note));
        }
        if (ticket.Rating is { } rating)
        {
            body.Add(new TextBlock(texts.Tickets_RatedShown(rating)) { IsSubtle = true });
        }
        return new AdaptiveCard(body) { Actions = ReporterActions(ticket, texts), FallbackText = texts.Tickets_ReporterTitle(ticket.Id) };
    }

    /// <summary><c>my issues</c>: open tickets, then recently closed ones.</summary>
    public static AdaptiveCard MyIssues(IReadOnlyList<Ticket> tickets, Texts texts, TimeZoneInfo zone)
    {
        var body = new List<CardElement> { Title(texts.Tickets_MyIssuesTitle) };
        if (tickets.Count == 0)
        {
            body.Add(new TextBlock(texts.Tickets_MyIssuesNone) { Wrap = true });
        }
        foreach (var ticket in tickets)
        {
            body.Add(new Container(
                new TextBlock($"**{ticket.Id}** · {StatusText(ticket, texts)}") { Wrap = true },
                CardText.UserText(ticket.Description, 140),
                new TextBlock(ticket.IsOpen
                    ? texts.Tickets_ListDue(PeopleTime.Moment(ticket.DueAt, zone, texts))
                    : texts.Tickets_ListClosed(PeopleTime.Moment(ticket.ResolvedAt ?? ticket.DueAt, zone, texts))) { IsSubtle = true, Size = TextSize.Small, Wrap = true })
            { Separator = true, Spacing = Spacing.Medium });
        }
        return new AdaptiveCard(body) { FallbackText = texts.Tickets_MyIssuesTitle };
    }

    /// <summary>
    /// Who handles the ticket, escaped: the claimer, else the liaison it is routed to, else the administrators. A liaison
    /// whose name the directory does not know yet is still a liaison, never "the administrators".
    /// </summary>
    public static string HandlerText(Ticket ticket, Texts texts) =>
        ticket.HandlerName is { Length: > 0 } name ? CardText.Escape(name)
        : ticket.ClaimedByKey is not null || ticket.AssigneeKey is not null ? texts.Tickets_YourLiaison
        : texts.Tickets_Administrators;

    /// <summary>The ticket's department, escaped; tickets of people without one are in the administrators' named queue.</summary>
    public static string DepartmentText(Ticket ticket, Texts texts) =>
        ticket.DepartmentName is { } name ? CardText.Escape(name) : texts.Tickets_NoDepartmentQueue;

    /// <summary>What a reassignment means for the reporter: where the ticket is now and who will handle it.</summary>
    /// <remarks>A move to a department records the department's name; a hand-over to a person records theirs.</remarks>
    public static string ReassignedForReporter(Ticket ticket, TicketEvent reassigned, Texts texts)
    {
        var movedDepartment = ticket.DepartmentName is { } department && string.Equals(reassigned.Text, department, StringComparison.Ordinal);
        if (!movedDepartment)
        {
            return texts.Tickets_ReporterHandedTo(HandlerText(ticket, texts));
        }
        return ticket.AssigneeKey is null && ticket.ClaimedByKey is null
            ? texts.Tickets_ReporterMovedToAdministrators(DepartmentText(ticket, texts))
            : texts.Tickets_ReporterMoved(DepartmentText(ticket, texts), HandlerText(ticket, texts));
    }

    public static string StatusText(Ticket ticket, Texts texts) => ticket.Status switch
    {
        TicketStatus.Open => texts.Tickets_StatusOpen,
        TicketStatus.Claimed => texts.Tickets_StatusClaimed(CardText.Escape(ticket.ClaimedByName ?? string.Empty)),
        _ => texts.Tickets_StatusResolved,
    };

    public static string UrgencyText(TicketUrgency urgency, Texts texts) => texts["Tickets_Urgency" + urgency];

    internal static TextBlock Title(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };

    internal static Choice[] UrgencyChoices(Texts texts) =>
        [.. Enum.GetValues<TicketUrgency>().Select(u => new Choice(UrgencyText(u, texts), u.ToString()))];

    private static List<CardAction> ReporterActions(Ticket ticket, Texts texts)
    {
        if (ticket.Status == TicketStatus.Resolved)
        {
            var actions = new List<CardAction>
            {
                new ShowCardAction(texts.Tickets_Reopen, new AdaptiveCard(
                    new TextInput("reason")
                    {
                        Label = texts.Tickets_ReopenLabel,
                        IsMultiline = true,
                        IsRequired = true,
                        MaxLength = MaxMessage,
                        ErrorMessage = texts.Tickets_ReopenReasonMissing,
                    })
                {
                    Actions = [new ExecuteAction(texts.Tickets_Reopen, TicketVerbs.Reopen) { Data = new TicketActionData(ticket.Id) }],
                }),
            };
            if (ticket.Rating is null)
            {
                actions.Add(new ShowCardAction(texts.Tickets_Rate, new AdaptiveCard(
                    new ChoiceSetInput("rating", [.. Enumerable.Range(1, 5).Select(i => new Choice(texts["Tickets_Stars" + i], i.ToString(texts.Culture)))])
                    {
                        Label = texts.Tickets_RateLabel,
                        Style = ChoiceInputStyle.Expanded,
                        IsRequired = true,
                        ErrorMessage = texts.Tickets_RateMissing,
                    },
                    new TextInput("comment") { Label = texts.Tickets_RateCommentLabel, IsMultiline = true, MaxLength = MaxMessage })
                {
                    Actions = [new ExecuteAction(texts.Tickets_RateSend, TicketVerbs.Rate) { Data = new TicketActionData(ticket.Id) }],
                }));
            }
            return actions;
        }
        return [MessageAction(ticket.Id, texts, TextKeys.Tickets_AddMessage, TicketVerbs.Say, "message")];
    }

    /// <summary>A button that opens a text box and sends what is typed with <paramref name="verb"/>.</summary>
    internal static ShowCardAction MessageAction(string ticketId, Texts texts, string titleKey, string verb, string inputId) =>
        new(texts[titleKey], new AdaptiveCard(
            new TextInput(inputId)
            {
                Label = texts.Tickets_MessageLabel,
                IsMultiline = true,
                IsRequired = true,
                MaxLength = MaxMessage,
                ErrorMessage = texts.Tickets_MessageMissing,
            })
        {
            Actions = [new ExecuteAction(texts.Tickets_Send, verb) { Data = new TicketActionData(ticketId) }],
        });
}
