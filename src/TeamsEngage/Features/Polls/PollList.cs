using TeamsEngage.Bot;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// <c>polls</c>: the newest sent polls, each with its Results button. An administrator sees every poll of the tenant
/// (and reads any one's results, read only); anyone else sees only the polls they sent.
/// </summary>
public sealed class PollList(PollStore polls)
{
    private const int Shown = 10;

    public async Task ShowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var everyone = command.Caller.Has(Role.Administrator);
        var shown = await polls.ListSentAsync(cancellationToken)
            .Where(p => everyone || string.Equals(p.AuthorUserId, command.Caller.UserId, StringComparison.Ordinal))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var newest = shown.OrderByDescending(p => p.CreatedAt).Take(Shown).ToList();
        var zone = PeopleTime.ZoneOrUtc(command.Turn.Activity.GetTimeZone());
        await command.Turn.SendAsync(Replies.Card(Card(newest, command.Caller.UserId, command.Texts, zone), command.Texts.Poll_ListTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The list: question, state with its zone, the author when it is someone else, and Results.</summary>
    public static AdaptiveCard Card(IReadOnlyList<Poll> list, string callerUserId, Texts texts, TimeZoneInfo timeZone)
    {
        var body = new List<CardElement> { new TextBlock(texts.Poll_ListTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true } };
        if (list.Count == 0)
        {
            body.Add(new TextBlock(texts.Poll_ListEmpty) { Wrap = true });
        }
        foreach (var poll in list)
        {
            var state = poll.Status == PollStatus.Closed
                ? texts.Poll_IsClosed
                : texts.Poll_ClosesAt(PeopleTime.FullDateWithZone(poll.Spec.ClosesAt, timeZone, texts));
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
            body.Add(new Container([.. lines]) { Separator = true, Spacing = Spacing.Medium });
        }
        return new AdaptiveCard([.. body]) { FallbackText = texts.Poll_ListTitle };
    }
}
