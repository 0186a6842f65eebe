using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>The status card: delivered, pending, failed (and why), acknowledged, in total and per department.</summary>
public static class NoticeStatusCards
{
    public static readonly IReadOnlyList<string> Reasons = ["NotInstalled", "Blocked", "Gone", "Error"];

    /// <remarks>
    /// <paramref name="progress"/> adds the percentage and the time left; <paramref name="departments"/> names the
    /// departments by code (a code without a name shows as the code). The author's actions stay on the card.
    /// </remarks>
    public static AdaptiveCard Status(Notice notice, NoticeStatusReport report, Texts texts, bool canRemind, IReadOnlyList<NoticeConcern>? concerns = null, string? quiet = null,
        NoticeProgressReport? progress = null, IReadOnlyDictionary<string, string>? departments = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var facts = Facts(notice, report, texts, quiet);
        if (progress is not null)
        {
            facts.AddRange(NoticeProgressCards.Facts(progress, texts).Where(f => f.Title == texts.Notice_Stat_Percent || f.Title == texts.Notice_Stat_TimeLeft));
        }
        var body = new List<CardElement>
        {
            NoticeAuthorCards.Title(texts.Notice_StatusTitle),
            CardText.UserText(notice.Content.Title, 120),
            new FactSet([.. facts]),
        };
        if (report.Total.Failed > 0)
        {
            // Next to the count it explains; the card's own buttons stay the author's.
            body.Add(new ActionSet([new ExecuteAction(texts.Notice_ShowUnreachable, NoticeVerbs.Unreachable) { Data = new NoticePageData(notice.Id) }]));
        }
        if (canRemind)
        {
            // Next to the acknowledgement counts too, so the author's four buttons below fit the chat's width.
            body.Add(new ActionSet([new ExecuteAction(texts.Notice_Remind, NoticeVerbs.Remind) { Data = new NoticeActionData(notice.Id) }]));
        }
        body.AddRange(Departments(notice, report, texts, departments));
        body.AddRange(NoticeConcernCards.Section(concerns ?? [], texts));
        var actions = NoticeAuthorCards.AuthorActions(notice, texts, NoticeVerbs.Remind);
        return new AdaptiveCard([.. body]) { Actions = actions, FallbackText = texts.Notice_StatusTitle };
    }

    // One row per department, named, with short headers that fit on one line, and what the short header means.
    private static IEnumerable<CardElement> Departments(Notice notice, NoticeStatusReport report, Texts texts, IReadOnlyDictionary<string, string>? departments)
    {
        if (report.ByDepartment.Count == 0)
        {
            yield break;
        }
        yield return new TextBlock(texts.Notice_Stat_ByDepartment) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };
        yield return Row(texts.Notice_Stat_Department, texts.Notice_Col_Delivered, texts.Notice_Col_Queued, texts.Notice_Col_Failed, texts.Notice_Col_Acknowledged, header: true);
        foreach (var (department, tally) in report.ByDepartment)
        {
            var name = department.Length == 0 ? texts.Notice_Stat_NoDepartment : CardText.Escape(departments?.GetValueOrDefault(department) ?? department);
            yield return Row(name, Number(tally.Delivered, texts), Number(tally.Pending, texts), Number(tally.Failed, texts),
                notice.Content.AckRequired ? Number(tally.Acknowledged, texts) : "–", header: false);
        }
        if (notice.Content.AckRequired)
        {
            yield return new TextBlock(texts.Notice_Col_Legend) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.Small };
        }
    }

    private static List<Fact> Facts(Notice notice, NoticeStatusReport report, Texts texts, string? quiet)
    {
        var total = report.Total;
        var facts = new List<Fact>();
        if (report.Writing is { } writing)
        {
            facts.Add(new Fact(texts.Notice_Stat_Queued, writing.Total is { } of
                ? texts.Notice_Stat_QueuedOf(writing.Written, of)
                : texts.Notice_Stat_Counting));
        }
        facts.AddRange(
        [
            new(texts.Notice_Stat_Recipients, Number(total.Recipients, texts)),
            new(texts.Notice_Stat_Delivered, Number(total.Delivered, texts)),
            new(texts.Notice_Stat_Pending, Number(total.Pending, texts)),
            new(texts.Notice_Stat_Unreachable, FailedText(total, texts)),
        ]);
        if (quiet is not null)
        {
            facts.Add(new Fact(texts.Notice_Stat_Quiet, quiet));
        }
        if (total.Cancelled > 0)
        {
            facts.Add(new Fact(texts.Notice_Stat_Cancelled, Number(total.Cancelled, texts)));
        }
        if (notice.Content.AckRequired)
        {
            facts.Add(new Fact(texts.Notice_Stat_Acknowledged, texts.Notice_Stat_OfDelivered(total.Acknowledged, total.Delivered)));
        }
        return facts;
    }

    private static string FailedText(DeliveryTally tally, Texts texts)
    {
        if (tally.Failed == 0)
        {
            return Number(0, texts);
        }
        var reasons = Reasons.Concat(tally.FailedBy.Keys.Except(Reasons, StringComparer.Ordinal))
            .Where(tally.FailedBy.ContainsKey)
            .Select(r => texts.Notice_Stat_Reason(ReasonText(r, texts), tally.FailedBy[r]));
        return texts.Notice_Stat_FailedWhy(tally.Failed, string.Join(texts.Notice_ListSeparator, reasons));
    }

    /// <summary>A reason name (<c>NotInstalled</c>, <c>Blocked</c>, <c>Gone</c>, <c>Error</c>) in the reader's words.</summary>
    public static string ReasonText(string reason, Texts texts) =>
        Reasons.Contains(reason, StringComparer.Ordinal) ? texts["Notice_Reason_" + reason] : texts.Notice_Reason_Error;

    private static ColumnSet Row(string name, string delivered, string pending, string failed, string acknowledged, bool header)
    {
        var weight = header ? TextWeight.Bolder : TextWeight.Default;
        return new ColumnSet(
            Cell(name, 0, weight), Cell(delivered, 1, weight), Cell(pending, 1, weight), Cell(failed, 1, weight), Cell(acknowledged, 1, weight))
        {
            Spacing = header ? Spacing.Small : Spacing.None,
        };
    }

    // The department's name takes what is left and may wrap; the numbers and their short headers fit on one line.
    private static Column Cell(string text, int width, TextWeight weight) => width == 0
        ? new(new TextBlock(text) { Weight = weight, Wrap = true, Size = TextSize.Small }) { Width = ColumnWidth.Stretch }
        : new(new TextBlock(text) { Weight = weight, Wrap = false, Size = TextSize.Small, HorizontalAlignment = HorizontalAlignment.Right }) { Width = ColumnWidth.Auto };

    private static string Number(int value, Texts texts) => value.ToString("N0", texts.Culture);
}
