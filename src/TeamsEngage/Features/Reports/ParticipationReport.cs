using Microsoft.Extensions.Options;
using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using static TeamsEngage.Features.Reports.ReportFormat;

namespace TeamsEngage.Features.Reports;

/// <summary>
/// Participation and equity: who was asked against who answered, by department and by role, for polls, surveys or both.
/// A group asked fewer than the polls' minimum group size is never shown, nor the groups withheld with it
/// (<see cref="SmallGroups"/>); groups shown below the rate of everyone the viewer sees are listed. With both counted, a
/// group is shown only when neither the polls' nor the surveys' page hides it, so that no page minus another gives a
/// small group away.
/// </summary>
public sealed class ParticipationReport(FigureStore store, IOptions<ReportsOptions> options, ReportReminders reminders)
{
    private const string Asked = AskCounters.Asked;
    private const string Answered = AskCounters.Answered;

    public async Task<ReportDocument> BuildAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        var texts = viewer.Texts;
        var parts = await LoadAsync(viewer, query, cancellationToken).ConfigureAwait(false);
        var data = Merge(parts);
        var minimum = options.Value.MinGroupSize;
        var now = data.Totals();
        var before = data.Totals(previous: true);
        if (await WithheldAsync(viewer, query, parts, minimum, cancellationToken).ConfigureAwait(false))
        {
            // The department chosen, or all the viewer sees, is a small group (or one withheld with one): nothing of it shows.
            now = FigureTotals.Of([]);
            before = FigureTotals.Of([]);
        }
        var asked = now[Asked];
        var answered = now[Answered];
        var rate = asked == 0 ? 0 : (double)answered / asked;
        var departments = asked == 0 ? [] : Shown(parts, "dept", minimum);
        var roles = asked == 0 ? [] : Shown(parts, "role", minimum);
        var below = departments.Select(g => (Kind: "dept", g.Value, g.Totals)).Concat(roles.Select(g => (Kind: "role", g.Value, g.Totals)))
            .Where(g => (double)g.Totals[Answered] / g.Totals[Asked] < rate).ToList();
        ReportTile[] tiles =
        [
            new(texts.Reports_Asked, Number(texts, asked), Number(texts, before[Asked]), Change(texts, asked, before[Asked])),
            new(texts.Reports_Answered, Number(texts, answered), Number(texts, before[Answered]), Change(texts, answered, before[Answered])),
            new(texts.Reports_AnswerRate, Share(texts, answered, asked), Share(texts, before[Answered], before[Asked])),
        ];
        List<ReportTable> tables = [Table(texts, "by-department", texts.Reports_ByDepartment, departments, v => v == "-" ? texts.Reports_NoDepartment : v)];
        if (data.District)
        {
            tables.Add(Table(texts, "by-role", texts.Reports_ByRole, roles, v => RoleName(texts, v)));
        }
        tables.Add(await BelowAsync(viewer, query, below, cancellationToken).ConfigureAwait(false));
        var note = texts.Reports_Counting(AsksName(texts, query.Asks)) + " " + TooFewNote(texts, query, parts, minimum) + texts.Reports_DistrictRate(Share(texts, answered, asked)) + " " + texts.Reports_Suppressed(minimum) + (below.Count == 0 ? " " + texts.Reports_NoneBelow : string.Empty);
        return new ReportDocument(ReportPageNames.Participation, texts.Reports_Participation, [new(texts.Reports_Participation + " · " + AsksName(texts, query.Asks), tiles, tables, note)]);
    }

    /// <summary>The groups below the rate; for an administrator counting polls, each with its Remind form.</summary>
    private async Task<ReportTable> BelowAsync(ReportViewer viewer, ReportQuery query, List<(string Kind, string Value, FigureTotals Totals)> below, CancellationToken cancellationToken)
    {
        var table = Table(viewer.Texts, "below-rate", viewer.Texts.Reports_BelowRate, [.. below.Select(g => (g.Value, g.Totals))], v => v);
        if (!viewer.SeesDistrict || query.Asks == AskKinds.Surveys)
        {
            return table;
        }
        var forms = new List<ReportForm?>();
        foreach (var group in below)
        {
            var reminder = new ReminderGroup(group.Kind, group.Value);
            forms.Add(reminder.IsValid ? await reminders.FormAsync(viewer, reminder, query, cancellationToken).ConfigureAwait(false) : null);
        }
        return table with { Forms = forms };
    }

    public static string AsksName(Texts texts, AskKinds asks) => asks switch
    {
        AskKinds.Polls => texts.Reports_Asks_Polls,
        AskKinds.Surveys => texts.Reports_Asks_Surveys,
        _ => texts.Reports_Asks_Both,
    };

    /// <summary>With both counted, why nothing shows when one of them alone was asked of too few people, and what to choose instead.</summary>
    private static string TooFewNote(Texts texts, ReportQuery query, IReadOnlyList<ReportData> parts, int minimum)
    {
        if (query.Asks != AskKinds.Both || parts.Count != 2)
        {
            return string.Empty;
        }
        var (polls, surveys) = (parts[0].Totals()[Asked], parts[1].Totals()[Asked]);
        return surveys is > 0 && surveys < minimum ? texts.Reports_KindTooFew(texts.Reports_Asks_Surveys, minimum, texts.Reports_Asks_Polls) + " "
            : polls is > 0 && polls < minimum ? texts.Reports_KindTooFew(texts.Reports_Asks_Polls, minimum, texts.Reports_Asks_Surveys) + " "
            : string.Empty;
    }

    /// <summary>The figures of each way of asking chosen, read apart so each one's small groups can be told.</summary>
    private async Task<IReadOnlyList<ReportData>> LoadAsync(ReportViewer viewer, ReportQuery query, CancellationToken cancellationToken)
    {
        string[] areas = query.Asks switch
        {
            AskKinds.Polls => [PollCounters.Area],
            AskKinds.Surveys => [SurveyCounters.Area],
            _ => [PollCounters.Area, SurveyCounters.Area],
        };
        var parts = new List<ReportData>();
        foreach (var area in areas)
        {
            parts.Add(await ReportData.LoadAsync(store, area, viewer, query, [], cancellationToken).ConfigureAwait(false));
        }
        return parts;
    }

    private static ReportData Merge(IReadOnlyList<ReportData> parts) => parts.Skip(1).Aggregate(parts[0], (all, part) => all.With(part));

    /// <summary>
    /// Whether the period's numbers must be withheld: when everything the viewer sees was asked of fewer than the minimum
    /// (of both together, or of polls or of surveys alone when they were asked at all), or the department chosen is one
    /// the unfiltered table hides (alone or with others).
    /// </summary>
    private async Task<bool> WithheldAsync(ReportViewer viewer, ReportQuery query, IReadOnlyList<ReportData> parts, int minimum, CancellationToken cancellationToken)
    {
        if (Merge(parts).Totals()[Asked] < minimum || parts.Any(p => p.Totals()[Asked] is var n && n > 0 && n < minimum))
        {
            return true;
        }
        if (query.Department is not { } chosen)
        {
            return false;
        }
        var all = await LoadAsync(viewer, query with { Department = null }, cancellationToken).ConfigureAwait(false);
        return Hidden(all, "dept", minimum).Contains(chosen);
    }

    /// <summary>The groups of <paramref name="kind"/> that may be shown: the small ones and those withheld with them are left out.</summary>
    private static List<(string Value, FigureTotals Totals)> Shown(IReadOnlyList<ReportData> parts, string kind, int minimum)
    {
        var hidden = Hidden(parts, kind, minimum);
        return [.. Merge(parts).By(kind).Where(g => !hidden.Contains(g.Value))];
    }

    /// <summary>What each way of asking hides on its own, and what both together hide.</summary>
    private static HashSet<string> Hidden(IReadOnlyList<ReportData> parts, string kind, int minimum)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts.Append(Merge(parts)))
        {
            hidden.UnionWith(SmallGroups.Hidden([.. part.By(kind).Select(g => (g.Value, g.Totals[Asked]))], minimum));
        }
        return hidden;
    }

    private static string RoleName(Texts texts, string role) =>
        role is "member" or "liaison" or "administrator" ? texts[$"Reports_Role_{role}"] : role;

    private static ReportTable Table(Texts texts, string id, string caption, List<(string Value, FigureTotals Totals)> groups, Func<string, string> name)
    {
        var rows = groups.Select(g => (IReadOnlyList<string>)
        [
            name(g.Value),
            Number(texts, g.Totals[Asked]),
            Number(texts, g.Totals[Answered]),
            Share(texts, g.Totals[Answered], g.Totals[Asked]),
        ]).ToList();
        var chart = groups.Select(g => new ReportBar(name(g.Value), Math.Round(100.0 * g.Totals[Answered] / g.Totals[Asked]))).ToList();
        return new ReportTable(id, caption, [texts.Reports_Group, texts.Reports_Asked, texts.Reports_Answered, texts.Reports_AnswerRate], rows, chart);
    }
}
