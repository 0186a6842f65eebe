using CsCheck;
using TeamsEngage.Features.Surveys;
using TeamsEngage.People;
using LinearKnowledge = TeamsEngage.Tests.Polls.PollAnonymityPropertyTests.LinearKnowledge;

namespace TeamsEngage.Tests.Surveys;

/// <summary>
/// The author (or an administrator) of an anonymous survey who writes down every number shown, after every answer and
/// after closing, in every breakdown offered: per-point counts, averages (as the exact sums behind them), favourable
/// shares, each group's averages, and the CSV. Each number is a linear combination of unknowns x[submission, question,
/// point]; the attacker also knows who answered when and which questions each submission answered. The answer of a
/// group smaller than the minimum (one submission, a department, role or department-and-role cell) must never follow.
/// </summary>
public sealed class SurveyAnonymityPropertyTests
{
    private const int MinGroupSize = 5;
    private const int Points = 5;
    private static readonly string[] Roles = ["Member", "Liaison", "Administrator"];

    internal sealed record Person(string Department, string Role);

    /// <summary>A submission: the respondent, a required rating and an optional one (0: left empty).</summary>
    internal sealed record Submission(int Respondent, int First, int Second);

    internal sealed record Scenario(Person[] Audience, Submission[] Submissions, SurveyGrouping Grouping)
    {
        public override string ToString() =>
            $"{Grouping}; audience " + string.Join(' ', Audience.Select((p, i) => $"{i}:{p.Department}/{p.Role}"))
            + "; submissions " + string.Join(' ', Submissions.Select(s => $"{s.Respondent}={s.First}/{s.Second}"));
    }

    private static readonly Gen<Scenario> Scenarios =
        from size in Gen.Int[1, 20]
        from departments in Gen.Int[1, 4]
        from roles in Gen.Int[1, 3]
        from people in Gen.Select(Gen.Int[0, departments - 1], Gen.Int[0, roles - 1], (d, r) => new Person($"D{d}", Roles[r])).Array[size]
        from submissions in Gen.Select(Gen.Int[0, size - 1], Gen.Int[1, Points], Gen.Int[0, Points], (v, a, b) => new Submission(v, a, b)).Array[0, size + 5]
        from grouping in Gen.Int[0, 2]
        select new Scenario(people, submissions, (SurveyGrouping)grouping);

    [Fact]
    public void NoCombinationOfEverythingTheAuthorOfAnAnonymousSurveySeesRevealsTheAnswersOfASmallGroup()
    {
        Scenarios.Sample(scenario => Assert.Null(new SurveyAttack(scenario).Run()), iter: 1500);
    }

    private sealed class SurveyAttack(Scenario scenario)
    {
        private const int Questions = 2;
        private readonly LinearKnowledge _seen = new(scenario.Submissions.Length * Questions * Points);
        private readonly List<(string Group, long[] Sum)> _targets = [];
        private readonly Dictionary<int, (int Submission, SurveyAnswer Answer)> _current = [];

        public string? Run()
        {
            var recipients = scenario.Audience.Select((p, i) => new SurveyRecipient($"29:{i}", $"k{i}", p.Department, p.Role)).ToList();
            var labels = new[] { "1", "2", "3", "4", "5" };
            var spec = new SurveySpec("T", "", [new("A?", QuestionKind.Rating, labels, true), new("B?", QuestionKind.Rating, labels, false)], true, DateTimeOffset.MaxValue, Audience.Everyone, scenario.Grouping);
            var survey = new Survey("0123456789abcdef0123456789abcdef", spec, "29:author", "Author", SurveyStatus.Open, DateTimeOffset.UnixEpoch);
            survey = survey with { AnswerGroups = scenario.Grouping switch
            {
                SurveyGrouping.Department => Anonymity.SmallGroups.Nameable(recipients.Select(r => r.DepartmentCode), MinGroupSize),
                SurveyGrouping.Role => Anonymity.SmallGroups.Nameable(recipients.Select(r => r.Role), MinGroupSize),
                _ => [],
            } };
            for (var s = 0; s < scenario.Submissions.Length; s++)
            {
                var submission = scenario.Submissions[s];
                string?[] values = [submission.First.ToString(System.Globalization.CultureInfo.InvariantCulture), submission.Second == 0 ? null : submission.Second.ToString(System.Globalization.CultureInfo.InvariantCulture)];
                _current[submission.Respondent] = (s, SurveyDisclosure.Stored(survey, recipients[submission.Respondent], values, null));
                // Who answered, and which questions they answered, is assumed known (so an empty answer is known whole).
                for (var q = 0; q < Questions; q++)
                {
                    foreach (var known in values[q] is null ? Enumerable.Range(1, Points).Select(p => Sum([s], q, [p])) : [Sum([s], q, Enumerable.Range(1, Points))])
                    {
                        _seen.Add(known);
                    }
                }
                AddTargets(s, values);
                Observe(survey);
            }
            Observe(survey with { Status = SurveyStatus.Closed });
            return _targets.FirstOrDefault(t => _seen.Spans(t.Sum)).Group;
        }

        private void Observe(Survey survey)
        {
            var owners = _current.OrderBy(c => c.Key).Select(c => c.Value).ToList();
            var answers = owners.Select(o => o.Answer).ToList();
            foreach (var by in new string?[] { null, SurveyDisclosure.ByDepartment, SurveyDisclosure.ByRole })
            {
                var results = SurveyDisclosure.Results(survey, answers, MinGroupSize, by, t => t);
                SeeQuestions(results, owners);
                SeeBreakdown(results, owners);
                var csv = SurveyCsv.Build(survey, results, TeamsEngage.Localization.Texts.English, MinGroupSize);
                var expected = results.Questions is null ? 2 : 1 + results.Questions.Sum(q => q.Withheld ? 1 : Points);
                Assert.Equal(expected, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
            }
        }

        private void SeeQuestions(SurveyResults results, List<(int Submission, SurveyAnswer Answer)> owners)
        {
            for (var q = 0; results.Questions is { } questions && q < Questions; q++)
            {
                if (questions[q].Withheld)
                {
                    continue;
                }
                var answered = owners.Where(o => o.Answer.Values[q] is not null).Select(o => o.Submission).ToList();
                for (var p = 1; p <= Points; p++)
                {
                    SeeNumber(questions[q].Counts[p - 1], Sum(answered, q, [p]));
                }
                _seen.Add(Weighted(answered, q));
                _seen.Add(Sum(answered, q, [4, 5]));
            }
        }

        private void SeeBreakdown(SurveyResults results, List<(int Submission, SurveyAnswer Answer)> owners)
        {
            foreach (var group in results.Breakdown)
            {
                var members = owners.Where(o => (results.By == SurveyDisclosure.ByRole ? o.Answer.Role : o.Answer.DepartmentCode) == group.Name).ToList();
                for (var q = 0; q < Questions; q++)
                {
                    if (group.Averages[q] is not null)
                    {
                        _seen.Add(Weighted([.. members.Where(o => o.Answer.Values[q] is not null).Select(o => o.Submission)], q));
                    }
                }
            }
        }

        private void SeeNumber(int shown, long[] sum)
        {
            var actual = 0L;
            for (var i = 0; i < sum.Length; i++)
            {
                actual += sum[i] * (Chosen(i) ? 1 : 0);
            }
            Assert.Equal(actual, shown);
            _seen.Add(sum);
        }

        private bool Chosen(int unknown)
        {
            var (s, rest) = Math.DivRem(unknown, Questions * Points);
            var (q, p) = Math.DivRem(rest, Points);
            var submission = scenario.Submissions[s];
            return (q == 0 ? submission.First : submission.Second) == p + 1;
        }

        private void AddTargets(int submission, string?[] values)
        {
            for (var q = 0; q < Questions && values[q] is not null; q++)
            {
                for (var p = 1; p <= Points; p++)
                {
                    _targets.Add(($"submission {submission}, question {q}, point {p}", Sum([submission], q, [p])));
                }
            }
            var current = _current.Select(c => (Person: scenario.Audience[c.Key], c.Value.Submission, c.Value.Answer)).ToList();
            var groups = current.GroupBy(v => "department " + v.Person.Department)
                .Concat(current.GroupBy(v => "role " + v.Person.Role))
                .Concat(current.GroupBy(v => $"cell {v.Person.Department}/{v.Person.Role}"));
            foreach (var group in groups.Where(g => g.Count() < MinGroupSize))
            {
                for (var q = 0; q < Questions; q++)
                {
                    var answered = group.Where(v => v.Answer.Values[q] is not null).Select(v => v.Submission).ToList();
                    if (answered.Count > 0)
                    {
                        _targets.Add(($"{group.Key} ({group.Count()} respondents), question {q} average", Weighted(answered, q)));
                    }
                }
            }
        }

        private long[] Sum(IEnumerable<int> submissions, int question, IEnumerable<int> points)
        {
            var row = new long[scenario.Submissions.Length * Questions * Points];
            var chosen = points.ToList();
            foreach (var s in submissions)
            {
                foreach (var p in chosen)
                {
                    row[(s * Questions * Points) + (question * Points) + p - 1] = 1;
                }
            }
            return row;
        }

        /// <summary>The sum of the points given: what an average is, times the known number who answered.</summary>
        private long[] Weighted(IEnumerable<int> submissions, int question)
        {
            var row = new long[scenario.Submissions.Length * Questions * Points];
            foreach (var s in submissions)
            {
                for (var p = 1; p <= Points; p++)
                {
                    row[(s * Questions * Points) + (question * Points) + p - 1] = p;
                }
            }
            return row;
        }
    }
}
