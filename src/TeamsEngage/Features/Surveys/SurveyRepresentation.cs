using TeamsEngage.Anonymity;

namespace TeamsEngage.Features.Surveys;

/// <summary>One group of the audience while a survey runs: how many were asked and answered, or hidden when small.</summary>
public sealed record RepresentationRow(string Dimension, string Name, GroupSuppression Suppression, int? Asked, int? Answered, bool UnderRepresented);

/// <summary>
/// Who answered against who was asked, by department and by role, while the survey runs. A group with fewer people in the
/// audience than the minimum group size is hidden, with the complementary rule (the total is shown, so hidden groups are
/// at least two and together at least the minimum). A shown group is under-represented when its response rate is below
/// four fifths of the whole audience's rate.
/// </summary>
public static class SurveyRepresentation
{
    public const string Department = "department";
    public const string Role = "role";

    public static IReadOnlyList<RepresentationRow> Build(IReadOnlyList<(SurveyRecipient Recipient, bool Answered)> audience, int minGroupSize)
    {
        var overall = audience.Count == 0 ? 0 : (double)audience.Count(a => a.Answered) / audience.Count;
        return [
            .. Rows(Department, audience, a => a.Recipient.DepartmentCode, overall, minGroupSize),
            .. Rows(Role, audience, a => a.Recipient.Role, overall, minGroupSize),
        ];
    }

    private static IEnumerable<RepresentationRow> Rows(string dimension, IReadOnlyList<(SurveyRecipient Recipient, bool Answered)> audience, Func<(SurveyRecipient Recipient, bool Answered), string?> groupOf, double overall, int minGroupSize)
    {
        var groups = audience.GroupBy(a => groupOf(a) ?? SmallGroups.OtherGroup, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Asked: g.Count(), Answered: g.Count(a => a.Answered)))
            .OrderBy(g => g.Asked).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var hidden = SmallGroups.Suppress([.. groups.Select(g => g.Asked)], minGroupSize);
        return groups.Select((g, i) => hidden[i] == GroupSuppression.None
                ? new RepresentationRow(dimension, g.Name, GroupSuppression.None, g.Asked, g.Answered, (double)g.Answered / g.Asked < overall * 0.8)
                : new RepresentationRow(dimension, g.Name, hidden[i], null, null, false))
            .OrderBy(r => r.Name, StringComparer.Ordinal);
    }
}
