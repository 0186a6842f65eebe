using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Tickets;

/// <summary>The form that logs a ticket as a feedback item.</summary>
public static class TicketFeedbackCards
{
    /// <summary>
    /// The kind of item and the text colleagues will read (the ticket's description to start from), each error under its
    /// field; says that colleagues never see who raised it and that the reporter hears what becomes of it.
    /// </summary>
    public static AdaptiveCard Form(Texts texts, Ticket ticket, IReadOnlyList<Choice> kinds, TicketFeedbackData? typed = null, string? kindError = null, string? textError = null)
    {
        var body = new List<CardElement>
        {
            TicketCards.Title(texts.Tickets_FeedbackFormTitle(ticket.Id)),
            new TextBlock(texts.Tickets_FeedbackFormIntro(CardText.Escape(ticket.ReporterName ?? texts.Tickets_Someone))) { Wrap = true, IsSubtle = true },
            new ChoiceSetInput("kind", kinds) { Label = texts.Tickets_FeedbackFormKind, IsRequired = true, Style = ChoiceInputStyle.Expanded, Value = typed?.Kind, ErrorMessage = texts.Tickets_FeedbackFormKindMissing },
        };
        AddError(body, kindError);
        body.Add(new TextInput("text") { Label = texts.Tickets_FeedbackFormText, IsMultiline = true, IsRequired = true, MaxLength = 1000, Value = typed?.Text ?? ticket.Description, ErrorMessage = texts.Tickets_FeedbackFormTextMissing });
        AddError(body, textError);
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Tickets_FeedbackFormSend, TicketVerbs.Feedback) { Data = new TicketFeedbackData(ticket.Id), Style = ActionStyle.Positive }],
            FallbackText = texts.Tickets_FeedbackFormTitle(ticket.Id),
        };
    }

    private static void AddError(List<CardElement> body, string? error)
    {
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.Small });
        }
    }
}
