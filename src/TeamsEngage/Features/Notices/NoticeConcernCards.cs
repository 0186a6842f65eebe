using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>A concern as its author or a liaison reads it, and the concerns on the status card.</summary>
public static class NoticeConcernCards
{
    /// <summary>How many concerns the status card lists (newest first); the count covers them all.</summary>
    public const int Listed = 5;

    public static AdaptiveCard Told(Notice notice, NoticeConcern concern, Texts texts, bool forAuthor)
    {
        var body = new List<CardElement>
        {
            NoticeAuthorCards.Title(texts.Notice_ConcernTitle),
            new TextBlock(texts.Notice_ConcernAbout(CardText.Escape(notice.Content.Title))) { Wrap = true, IsSubtle = true },
            new TextBlock(Who(concern, texts)) { Wrap = true, Weight = TextWeight.Bolder },
            CardText.UserText(concern.Text),
        };
        return new AdaptiveCard(body)
        {
            // The status (with every concern) is the author's; a liaison answers in their own chat with the person.
            Actions = forAuthor ? [new ExecuteAction(texts.Notice_Status, NoticeVerbs.Status) { Data = new NoticeActionData(notice.Id) }] : null,
            FallbackText = texts.Notice_ConcernTitle,
        };
    }

    /// <summary>The status card's section: the count, and the newest few with who raised them.</summary>
    public static IEnumerable<CardElement> Section(IReadOnlyList<NoticeConcern> concerns, Texts texts)
    {
        yield return new TextBlock(texts.Notice_Stat_Concerns(concerns.Count)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
        foreach (var concern in concerns.Take(Listed))
        {
            yield return new TextBlock(Who(concern, texts)) { Wrap = true, Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.Small };
            yield return CardText.UserText(concern.Text, 300);
        }
    }

    private static string Who(NoticeConcern concern, Texts texts)
    {
        var name = CardText.Escape(concern.Name ?? texts.Notice_Stat_Someone);
        return concern.DepartmentName is { Length: > 0 } department
            ? texts.Notice_ConcernFromIn(name, CardText.Escape(department))
            : texts.Notice_ConcernFrom(name);
    }
}
