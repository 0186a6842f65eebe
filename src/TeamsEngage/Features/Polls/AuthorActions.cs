using TeamsEngage.Localization;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Schema;
using TeamsEngage.People;

namespace TeamsEngage.Features.Polls;

/// <summary>The composer's Preview button: checks the poll and the audience, stores a draft, shows the preview.</summary>
public sealed class PreviewPollAction(PollService service, TimeProvider clock) : ICardAction
{
    public string Verb => PollVerbs.Preview;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        if (!context.Caller.Has(Role.Liaison))
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_Staff"]);
        }
        var data = context.DataAs<ComposerData>() ?? new ComposerData();
        var zone = PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone());
        var now = clock.GetUtcNow();
        var read = PollComposer.Read(data, zone, now);
        if (read.Spec is null)
        {
            return CardActionResult.WithCard(PollAuthorCards.Composer(texts, DateOnly.FromDateTime(now.AddDays(3).UtcDateTime), texts[read.ErrorKey!], data));
        }
        if (!await service.MayTargetAsync(context.Caller, read.Spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithCard(PollAuthorCards.Composer(texts, DateOnly.FromDateTime(now.AddDays(3).UtcDateTime), texts["Poll_Refused_Audience"], data));
        }
        var draft = await service.CreateDraftAsync(read.Spec, context.Caller, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(PollAuthorCards.Preview(draft, texts, zone));
    }
}

/// <summary>Send on the preview: only the author, and only while the audience is still theirs to poll.</summary>
public sealed class SendPollAction(PollStore polls, PollService service, PollResultsBuilder results) : ICardAction
{
    public string Verb => PollVerbs.Send;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var poll = await PollAuthorship.OwnPollAsync(polls, context, cancellationToken).ConfigureAwait(false);
        if (poll is null)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_NotAuthor"]);
        }
        if (poll.Status != PollStatus.Draft)
        {
            return CardActionResult.WithMessage(texts["Poll_AlreadySent"]);
        }
        if (!await service.MayTargetAsync(context.Caller, poll.Spec.Audience, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_Audience"]);
        }
        var sent = await service.SendAsync(poll, cancellationToken).ConfigureAwait(false);
        if (sent is null)
        {
            return CardActionResult.WithMessage(texts["Poll_AlreadySent"]);
        }
        return CardActionResult.WithCard(await results.BuildAsync(sent, null, context, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>The author's results card, with a breakdown on request. Administrators may see it too; nobody sees who voted what.</summary>
public sealed class PollResultsAction(PollStore polls, PollResultsBuilder results) : ICardAction
{
    public string Verb => PollVerbs.Results;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var data = context.DataAs<ResultsData>();
        var poll = await PollAuthorship.OwnPollAsync(polls, context, cancellationToken, allowAdministrators: true).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return CardActionResult.WithMessage(context.Caller.Texts["Poll_Refused_NotAuthor"]);
        }
        var by = data?.By is "department" or "role" ? data.By : null;
        return CardActionResult.WithCard(await results.BuildAsync(poll, by, context, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>Close now.</summary>
public sealed class ClosePollAction(PollStore polls, PollService service, PollResultsBuilder results) : ICardAction
{
    public string Verb => PollVerbs.Close;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var poll = await PollAuthorship.OwnPollAsync(polls, context, cancellationToken, allowAdministrators: true).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return CardActionResult.WithMessage(context.Caller.Texts["Poll_Refused_NotAuthor"]);
        }
        var closed = await service.CloseAsync(poll.Id, cancellationToken).ConfigureAwait(false) ?? poll;
        return CardActionResult.WithCard(await results.BuildAsync(closed, null, context, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>The one reminder to people who have not answered.</summary>
public sealed class RemindPollAction(PollStore polls, PollService service, PollResultsBuilder results) : ICardAction
{
    public string Verb => PollVerbs.Remind;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        var poll = await PollAuthorship.OwnPollAsync(polls, context, cancellationToken).ConfigureAwait(false);
        if (poll is null || poll.Status == PollStatus.Draft)
        {
            return CardActionResult.WithMessage(texts["Poll_Refused_NotAuthor"]);
        }
        if (!await service.RemindAsync(poll, cancellationToken).ConfigureAwait(false))
        {
            return CardActionResult.WithMessage(texts["Poll_RemindRefused"]);
        }
        var reminded = await polls.FindAsync(poll.Id, cancellationToken).ConfigureAwait(false) ?? poll;
        return CardActionResult.WithCard(await results.BuildAsync(reminded, null, context, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>Reads the poll a button names and checks the caller may manage it.</summary>
internal static class PollAuthorship
{
    public static async Task<Poll?> OwnPollAsync(PollStore polls, CardActionContext context, CancellationToken cancellationToken, bool allowAdministrators = false)
    {
        var data = context.DataAs<PollRef>();
        if (data?.PollId is null || !context.Caller.Has(Role.Liaison))
        {
            return null;
        }
        var poll = await polls.FindAsync(data.PollId, cancellationToken).ConfigureAwait(false);
        var allowed = poll is not null && (poll.AuthorUserId == context.Caller.UserId || (allowAdministrators && context.Caller.Has(Role.Administrator)));
        return allowed ? poll : null;
    }
}

/// <summary>Gathers what the author's results card shows.</summary>
public sealed class PollResultsBuilder(VoteStore votes, PollService service, PollLinks links, IOptions<PollsOptions> options)
{
    public async Task<Cards.AdaptiveCard> BuildAsync(Poll poll, string? by, CardActionContext context, CancellationToken cancellationToken)
    {
        var all = await votes.ReadAllAsync(poll.Id, cancellationToken).ConfigureAwait(false);
        var tally = PollTally.From(poll.Spec.Options.Count, all);
        var minimum = options.Value.MinGroupSize;
        var breakdown = by is null ? null : PollBreakdown.Build(poll.Spec.Options.Count, all, by == "role" ? v => v.Role : v => v.DepartmentCode, minimum);
        var view = new PollResultsView(
            poll,
            tally,
            await service.ReachedAsync(poll, tally.Voters, cancellationToken).ConfigureAwait(false),
            minimum,
            by,
            breakdown,
            await links.ExportLinkAsync(poll.Id, cancellationToken).ConfigureAwait(false));
        return PollAuthorCards.Results(view, context.Caller.Texts, PeopleTime.ZoneOrUtc(context.Turn.Activity.GetTimeZone()));
    }
}
