using TeamsEngage.Bot;

namespace TeamsEngage.Features.Tickets;

/// <summary><c>report.open</c> (the "I have a concern" button of a notice): sends the report form, linked to the notice.</summary>
public sealed class OpenReportAction : ICardAction
{
    public string Verb => SharedVerbs.OpenReport;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var noticeId = context.DataAs<OpenReportData>()?.NoticeId;
        var form = TicketCards.ReportForm(texts, new ReportFormData(noticeId is { Length: > 0 and <= 100 } ? noticeId : null), intro: texts["Tickets_FormConcernIntro"]);
        // A new message, so the notice card itself stays as it is.
        await context.Turn.SendAsync(Replies.Card(form, texts["Tickets_FormTitle"]), cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithMessage(texts["Tickets_FormOpened"]);
    }
}

public sealed class SubmitReportAction(TicketReporting reporting) : ICardAction
{
    public string Verb => TicketVerbs.Submit;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        reporting.SubmitAsync(context, cancellationToken);
}

public sealed class ClaimTicketAction(TicketDesk desk) : ICardAction
{
    public string Verb => TicketVerbs.Claim;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        desk.ClaimAsync(context, context.DataAs<TicketActionData>()?.TicketId, cancellationToken);
}

public sealed class ReplyTicketAction(TicketDesk desk) : ICardAction
{
    public string Verb => TicketVerbs.Reply;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        desk.ReplyAsync(context, context.DataAs<TicketReplyData>(), cancellationToken);
}

public sealed class ResolveTicketAction(TicketDesk desk) : ICardAction
{
    public string Verb => TicketVerbs.Resolve;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        desk.ResolveAsync(context, context.DataAs<TicketResolveData>(), cancellationToken);
}

public sealed class ReassignTicketAction(TicketReassignment reassignment) : ICardAction
{
    public string Verb => TicketVerbs.Reassign;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        reassignment.ReassignAsync(context, context.DataAs<TicketReassignData>(), cancellationToken);
}

public sealed class ReopenTicketAction(TicketReporterDesk desk) : ICardAction
{
    public string Verb => TicketVerbs.Reopen;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        desk.ReopenAsync(context, context.DataAs<TicketActionData>()?.TicketId, cancellationToken);
}

public sealed class RateTicketAction(TicketReporterDesk desk) : ICardAction
{
    public string Verb => TicketVerbs.Rate;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        desk.RateAsync(context, context.DataAs<TicketRateData>(), cancellationToken);
}

/// <summary>The reporter writes to the liaison from a ticket card or from the "which issue?" card.</summary>
public sealed class SayTicketAction(TicketReporterDesk desk) : ICardAction
{
    public string Verb => TicketVerbs.Say;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var data = context.DataAs<TicketSayData>();
        return CardActionResult.WithMessage(await desk.SayAsync(context.Caller, data?.TicketId, data?.Message, cancellationToken).ConfigureAwait(false));
    }
}
