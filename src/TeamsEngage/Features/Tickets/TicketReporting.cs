using TeamsEngage.Localization;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.Commands;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Conversations;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>The report form: opens it, and turns a submitted one into a stored, routed ticket and tells the right people.</summary>
public sealed partial class TicketReporting(
    TicketStore tickets,
    TicketIdAllocator ids,
    TicketPeople people,
    TicketNotifier notifier,
    TicketPromises promises,
    CalendarStore calendars,
    IOptions<TicketsOptions> options,
    TimeProvider clock,
    ILogger<TicketReporting> logger)
{
    /// <summary><c>report</c>: the form, with whatever was typed after the command as the description.</summary>
    public Task OpenFormAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var prefill = new ReportFormData(Description: command.Arguments.Length == 0 ? null : command.Arguments);
        return command.Turn.SendAsync(Replies.Card(TicketCards.ReportForm(command.Texts, prefill), command.Texts.Tickets_FormTitle), cancellationToken);
    }

    /// <summary>
    /// The "I have a concern" button of a notice, or "Report a problem" on a service's card: the form, linked to the
    /// notice or the service, as a new message. A service with a known outage shows it first, with a way to follow it.
    /// </summary>
    public async Task<CardActionResult> OpenConcernFormAsync(CardAction<OpenReportData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var noticeId = action.Data.NoticeId is { Length: > 0 and <= 100 } id ? id : null;
        var service = action.Data.ServiceId is { Length: <= 40 } serviceId ? await promises.ServiceAsync(serviceId, cancellationToken).ConfigureAwait(false) : null;
        var lead = service is null ? null : TicketServiceCards.Lead(texts, service, PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone()));
        var description = action.Data.Description is { Length: > 0 } text ? text[..Math.Min(text.Length, TicketCards.MaxDescription)] : null;
        var prefill = new ReportFormData(noticeId, description, ServiceId: service?.Id);
        var form = TicketCards.ReportForm(texts, prefill, intro: service is null && description is null ? texts.Tickets_FormConcernIntro : null, lead: lead);
        // A new message, so the notice card itself stays as it is.
        await action.Turn.SendAsync(Replies.Card(form, texts.Tickets_FormTitle), cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(texts.Tickets_FormOpened);
    }

    /// <summary>Checks the form; returns the form again with the error, or the reporter's confirmation card.</summary>
    public async Task<CardActionResult> SubmitAsync(CardAction<ReportFormData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var form = action.Data;
        if (Validate(form, texts, out var urgency) is { } errors)
        {
            return CardActionResult.WithCard(TicketCards.ReportForm(texts, form, errors));
        }
        form = form with { Description = form.Description!.Trim(), Location = form.Location!.Trim() };
        var zone = PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());
        var conversationId = action.Turn.Activity.Conversation?.Id;
        if (action.CardActivityId is not { } activityId || conversationId is null)
        {
            return CardActionResult.WithCard(TicketCards.Reporter(await CreateAsync(action.Caller, form, urgency, cancellationToken).ConfigureAwait(false), texts, zone));
        }
        if (await tickets.LockFormAsync(conversationId, activityId, cancellationToken).ConfigureAwait(false) is { } filed)
        {
            // The same form again (a double press): show what the first press filed.
            var earlier = filed.Length == 0 ? null : await tickets.FindAsync(filed, cancellationToken).ConfigureAwait(false);
            return earlier is null ? CardActionResult.WithMessage(texts.Tickets_AlreadySent) : CardActionResult.WithCard(TicketCards.Reporter(earlier, texts, zone));
        }
        Ticket? ticket = null;
        try
        {
            ticket = await CreateAsync(action.Caller, form, urgency, cancellationToken).ConfigureAwait(false);
            await tickets.SaveCardAsync(new TicketCardRef(ticket.Id, action.Caller.UserId, conversationId, activityId, TicketCardView.Reporter), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await tickets.CompleteFormAsync(conversationId, activityId, ticket?.Id, CancellationToken.None).ConfigureAwait(false);
        }
        return CardActionResult.WithCard(TicketCards.Reporter(ticket, texts, zone));
    }

    private async Task<Ticket> CreateAsync(Caller caller, ReportFormData form, TicketUrgency urgency, CancellationToken cancellationToken)
    {
        var reporter = await people.PersonOfAsync(caller, cancellationToken).ConfigureAwait(false);
        var key = reporter?.Key ?? caller.PersonKey;
        var name = reporter?.Name ?? caller.Name;
        return await FileAsync(new TicketDraft(caller.UserId, key, name, caller.DepartmentCode ?? reporter?.DepartmentCode, form, urgency, name, key), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a new ticket, routed to its department's liaison (else the administrators), with its promise counted in
    /// school time, and tells them. A draft linked to a source files one ticket per source, however often it comes.
    /// </summary>
    internal async Task<Ticket> FileAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        var department = await people.DepartmentAsync(draft.DepartmentCode, cancellationToken).ConfigureAwait(false);
        var code = department?.Code.ToUpperInvariant() ?? options.Value.GeneralCode;
        var id = await ids.NextAsync(code, cancellationToken).ConfigureAwait(false);
        if (draft.LinkedTo is { } source)
        {
            id = await tickets.LinkAsync(source, id, cancellationToken).ConfigureAwait(false);
            if (await tickets.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } filed)
            {
                return filed;
            }
        }
        var liaison = await people.ReachableAsync(department?.LiaisonKey, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        // The promise is counted in school hours: a report on Friday afternoon before a break is due after the break.
        var calendar = (await calendars.GetAsync(cancellationToken).ConfigureAwait(false)).For(code);
        var form = draft.Form;
        var service = await promises.ServiceAsync(form.ServiceId, cancellationToken).ConfigureAwait(false);
        var due = SchoolTime.Add(calendar, now, promises.PromiseFor(service, department, draft.Urgency));

        var ticket = new Ticket(
            id, code, department?.Name, draft.ReporterUserId, draft.ReporterKey, draft.ReporterName,
            form.Description!, form.Location!, draft.Urgency, form.NoticeId, TicketStatus.Open,
            liaison?.Key, liaison?.Name, null, null, null,
            now, due, due, liaison is null ? 2 : 0, false, null, null, null)
        {
            ServiceId = service?.Id,
            ServiceName = service?.Name,
            FeedbackId = draft.FeedbackId,
        };
        var created = new TicketEvent(ticket.Id, TicketStore.NewEventKey(now), TicketEventKind.Created, now, draft.FiledByName, draft.FiledByKey, null);
        try
        {
            ticket = await tickets.CreateAsync(ticket, created, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException) when (draft.LinkedTo is not null)
        {
            // Two presses for one source at once: the other one filed it.
            var raced = await tickets.FindAsync(id, CancellationToken.None).ConfigureAwait(false);
            if (raced is null)
            {
                throw;
            }
            return raced;
        }
        LogCreated(logger, ticket.Id, code, liaison is not null);
        await RouteAsync(ticket, department, liaison, cancellationToken).ConfigureAwait(false);
        return ticket;
    }

    private async Task RouteAsync(Ticket ticket, People.Department? department, TicketContact? liaison, CancellationToken cancellationToken)
    {
        var handlers = liaison is not null ? [liaison] : await people.AdministratorsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var handler in handlers)
        {
            await notifier.SendCardAsync(ticket, handler.UserId, TicketCardView.Staff, null, OutboxPriority.Interactive, cancellationToken).ConfigureAwait(false);
        }
        if (handlers.Count == 0)
        {
            LogNobodyToTell(logger, ticket.Id);
        }
        if (department?.ChannelConversationId is { Length: > 0 } channel)
        {
            // The department's IT channel sees the ticket too; its card is updated with the others.
            await notifier.SendCardAsync(ticket, ConversationReferenceStore.ChannelKey(channel), TicketCardView.Staff, null, OutboxPriority.Normal, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks a report form: null when it is complete, else what is wrong with each field.</summary>
    internal static ReportFormErrors? Validate(ReportFormData form, Localization.Texts texts, out TicketUrgency urgency)
    {
        var description = string.IsNullOrWhiteSpace(form.Description) ? texts.Tickets_FormWhatMissing
            : form.Description.Length > TicketCards.MaxDescription ? texts.Tickets_FormWhatTooLong
            : null;
        var location = string.IsNullOrWhiteSpace(form.Location) ? texts.Tickets_FormWhereMissing
            : form.Location.Length > TicketCards.MaxLocation ? texts.Tickets_FormWhereTooLong
            : null;
        var urgencyError = Enum.TryParse(form.Urgency, ignoreCase: false, out urgency) && Enum.IsDefined(urgency) ? null : texts.Tickets_FormUrgencyMissing;
        return description is null && location is null && urgencyError is null ? null : new ReportFormErrors(description, location, urgencyError);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} reported in department {DepartmentCode} (liaison reachable: {LiaisonReachable})")]
    private static partial void LogCreated(ILogger logger, string ticketId, string departmentCode, bool liaisonReachable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId} has no reachable liaison and no reachable administrator")]
    private static partial void LogNobodyToTell(ILogger logger, string ticketId);
}

/// <summary>
/// What a new ticket is made of, whoever files it: the reporter, the department to route it to, the form, and who filed
/// it (the reporter, or IT on their behalf). <see cref="LinkedTo"/> names the source it is filed for (one ticket each).
/// </summary>
internal sealed record TicketDraft(
    string ReporterUserId,
    string? ReporterKey,
    string? ReporterName,
    string? DepartmentCode,
    ReportFormData Form,
    TicketUrgency Urgency,
    string? FiledByName,
    string? FiledByKey)
{
    public string? LinkedTo { get; init; }

    public string? FeedbackId { get; init; }
}
