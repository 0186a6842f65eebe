using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Notices;

/// <summary>The status card: delivered, pending, failed (and why), acknowledged, in total and per department.</summary>
public static class NoticeStatusCards
{
    public static readonly IReadOnlyList<string> Reasons = ["NotInstalled", "Blocked", "Gone", "Error"];

    public static AdaptiveCard Status(Notice notice, NoticeStatusReport report, Texts texts, bool canRemind, IReadOnlyList<NoticeConcern>? concerns = null, string? quiet = null)
    {
        var facts = Facts(notice, report, texts, quiet);
        var body = new List<CardElement>
        {
            NoticeAuthorCards.Title(texts.Notice_StatusTitle),
            CardText.UserText(notice.Content.Title, 120),
            new FactSet([.. facts]),
        };
        if (report.ByDepartment.Count > 0)
        {
            body.Add(new TextBlock(texts.Notice_Stat_ByDepartment) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true });
            body.Add(Row(texts.Notice_Stat_Department, texts.Notice_Stat_Delivered, texts.Notice_Stat_Pending, texts.Notice_Stat_Failed, texts.Notice_Stat_Acknowledged, header: true));
            foreach (var (department, tally) in report.ByDepartment)
            {
                var name = department.Length == 0 ? texts.Notice_Stat_NoDepartment : CardText.Escape(department);
                body.Add(Row(name, Number(tally.Delivered, texts), Number(tally.Pending, texts), Number(tally.Failed, texts),
                    notice.Content.AckRequired ? Number(tally.Acknowledged, texts) : "–", header: false));
            }
        }
        body.AddRange(NoticeConcernCards.Section(concerns ?? [], texts));
        var actions = new List<CardAction> { new ExecuteAction(texts.Notice_Refresh, NoticeVerbs.Status) { Data = new NoticeActionData(notice.Id) } };
        if (canRemind)
        {
            actions.Add(new ExecuteAction(texts.Notice_Remind, NoticeVerbs.Remind) { Data = new NoticeActionData(notice.Id) });
        }
        return new AdaptiveCard([.. body]) { Actions = actions, FallbackText = texts.Notice_StatusTitle };
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
            new(texts.Notice_Stat_Failed, FailedText(total, texts)),
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

    private static string ReasonText(string reason, Texts texts) =>
        Reasons.Contains(reason, StringComparer.Ordinal) ? texts["Notice_Reason_" + reason] : texts.Notice_Reason_Error;

    private static ColumnSet Row(string name, string delivered, string pending, string failed, string acknowledged, bool header)
    {
        var weight = header ? TextWeight.Bolder : TextWeight.Default;
        return new ColumnSet(
            Cell(name, 3, weight), Cell(delivered, 2, weight), Cell(pending, 2, weight), Cell(failed, 2, weight), Cell(acknowledged, 2, weight))
        {
            Spacing = header ? Spacing.Small : Spacing.None,
        };
    }

    private static Column Cell(string text, int width, TextWeight weight) =>
        new(new TextBlock(text) { Weight = weight, Wrap = true, Size = TextSize.Small }) { Width = ColumnWidth.Weighted(width) };

    private static string Number(int value, Texts texts) => value.ToString("N0", texts.Culture);
}
