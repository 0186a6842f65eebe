using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Polls;

/// <summary>Which polls the list shows.</summary>
public enum PollListFilter
{
    All,
    Open,
    Closed,
}

/// <summary>One page of the list as the caller may see it now.</summary>
public sealed record PollListView(IReadOnlyList<Poll> Polls, PollListFilter Filter, int Page, int Pages, int Total);

/// <summary>
/// <c>polls</c>: the sent polls, newest first, a page at a time, each with its Results button; filtered to the open or
/// the closed ones on request. An administrator sees every poll of the tenant (and reads any one's results, read
/// only); anyone else sees only the polls they sent.
/// </summary>
public sealed class PollList(PollStore polls)
{
    public const int PageSize = 10;

    public async Task ShowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(command.Caller, PollListFilter.All, 0, cancellationToken).ConfigureAwait(false);
        var zone = PeopleTime.ZoneOrUtc(command.Turn.Activity.GetTimeZone());
        await command.Turn.SendAsync(Replies.Card(Card(view, command.Caller.UserId, command.Texts, zone), command.Texts.Poll_ListTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Another filter or page: the list card is replaced in place.</summary>
    public async Task<CardActionResult> PageAsync(CardAction<PollListData> action, CancellationToken cancellationToken)
    {
        var filter = Enum.TryParse<PollListFilter>(action.Data.Show, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : PollListFilter.All;
        var view = await ViewAsync(action.Caller, filter, action.Data.Page ?? 0, cancellationToken).ConfigureAwait(false);
        var zone = PeopleTime.ZoneOrUtc(action.Turn.Activity.GetTimeZone());
        return CardActionResult.WithCard(Card(view, action.Caller.UserId, action.Texts, zone));
    }

    private async Task<PollListView> ViewAsync(Caller caller, PollListFilter filter, int page, CancellationToken cancellationToken)
    {
        var everyone = caller.Has(Role.Administrator);
        var shown = await polls.ListSentAsync(cancellationToken)
            .Where(p => everyone || string.Equals(p.AuthorUserId, caller.UserId, StringComparison.Ordinal))
            .Where(p => filter == PollListFilter.All || (p.Status == PollStatus.Closed) == (filter == PollListFilter.Closed))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 0, pages - 1);
        var newest = shown.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal).Skip(current * PageSize).Take(PageSize).ToList();
        return new PollListView(newest, filter, current, pages, shown.Count);
    }

    /// <summary>The list: the filters, one page of polls (question, state with its zone, the author when it is someone else, Results), and the pages.</summary>
    public static AdaptiveCard Card(PollListView view, string callerUserId, Texts texts, TimeZoneInfo timeZone)
    {
        var body = new List<CardElement>
        {
            new TextBlock(texts.Poll_ListTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            new ActionSet([.. Enum.GetValues<PollListFilter>().Select(f => Browse(FilterText(f, texts), f, 0, f == view.Filter))]),
            new TextBlock(texts.Poll_ListShowing(FilterText(view.Filter, texts), view.Total, view.Page + 1, view.Pages)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Small },
        };
        if (view.Total == 0)
        {
            body.Add(new TextBlock(view.Filter == PollListFilter.All ? texts.Poll_ListEmpty : texts.Poll_ListNoneHere) { Wrap = true });
        }
        body.AddRange(view.Polls.Select(poll => Row(poll, callerUserId, texts, timeZone)));
        var actions = new List<CardAction>();
        if (view.Page > 0)
        {
            actions.Add(Browse(texts.Poll_ListPrevious, view.Filter, view.Page - 1, selected: false));
        }
        if (view.Page < view.Pages - 1)
        {
            actions.Add(Browse(texts.Poll_ListNext, view.Filter, view.Page + 1, selected: false));
        }
        return new AdaptiveCard([.. body]) { Actions = actions, FallbackText = texts.Poll_ListTitle };
    }

    public static string FilterText(PollListFilter filter, Texts texts) => texts["Poll_ListFilter" + filter];

    private static Container Row(Poll poll, string callerUserId, Texts texts, TimeZoneInfo timeZone)
    {
        var state = poll.Status == PollStatus.Closed
            ? texts.Poll_IsClosed
            : texts.Poll_ClosesAt(PeopleTime.Moment(poll.Spec.ClosesAt, timeZone, texts));
        var lines = new List<CardElement>
        {
            CardText.UserText(CardText.Truncate(poll.Spec.Question, 120)),
            new TextBlock(state) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        };
        if (!string.Equals(poll.AuthorUserId, callerUserId, StringComparison.Ordinal))
        {
            lines.Add(CardText.UserText(texts.Poll_ListAuthor(poll.AuthorName ?? string.Empty), isSubtle: true));
        }
        lines.Add(new ActionSet([new ExecuteAction(texts.Poll_ListResults, PollVerbs.Results) { Data = new ResultsData(poll.Id) }]));
        return new Container([.. lines]) { Separator = true, Spacing = Spacing.Medium };
    }

    private static ExecuteAction Browse(string title, PollListFilter filter, int page, bool selected) =>
        new(title, PollVerbs.List) { Data = new PollListData(filter.ToString(), page), Style = selected ? ActionStyle.Positive : null };
}
