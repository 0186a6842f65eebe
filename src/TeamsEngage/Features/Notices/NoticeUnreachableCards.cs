using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>One person a notice could not reach: their name, their department's name and why.</summary>
public sealed record NoticeUnreachablePerson(string Name, string Department, string Reason);

/// <summary>The people a notice could not reach, a page at a time, with how IT can reach them next time.</summary>
public static class NoticeUnreachableCards
{
    /// <summary>How many people one page lists.</summary>
    public const int PageSize = 25;

    public static AdaptiveCard List(Notice notice, IReadOnlyList<NoticeUnreachablePerson> people, int total, int page, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(texts);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var body = new List<CardElement>
        {
            NoticeAuthorCards.Title(texts.Notice_UnreachableTitle(total)),
            CardText.UserText(notice.Content.Title, 120),
        };
        if (total == 0)
        {
            body.Add(new TextBlock(texts.Notice_UnreachableNone) { Wrap = true });
        }
        else
        {
            body.Add(new TextBlock(texts.Notice_UnreachableInstallHint) { Wrap = true });
            body.AddRange(people.Select(p => new TextBlock(texts.Notice_UnreachableRow(CardText.Escape(p.Name), CardText.Escape(p.Department), p.Reason))
            {
                Wrap = true,
                Spacing = Spacing.Small,
            }));
            body.Add(new TextBlock(texts.Notice_UnreachablePage(page, pages)) { IsSubtle = true, Size = TextSize.Small, Wrap = true });
        }
        var actions = new List<CardAction>();
        if (page < pages)
        {
            actions.Add(new ExecuteAction(texts.Notice_UnreachableMore, NoticeVerbs.Unreachable) { Data = new NoticePageData(notice.Id, page + 1) });
        }
        actions.Add(new ExecuteAction(texts.Notice_UnreachableBack, NoticeVerbs.Status) { Data = new NoticeActionData(notice.Id) });
        return new AdaptiveCard([.. body]) { Actions = actions, FallbackText = texts.Notice_UnreachableTitle(total) };
    }
}
