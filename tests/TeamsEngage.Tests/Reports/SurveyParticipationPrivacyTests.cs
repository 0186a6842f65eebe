using System.Globalization;
using TeamsEngage.Reporting;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Reports.ReportSignIn;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// The attacker is an administrator who knows every department's size and every audience, reads the participation page
/// for polls, surveys and both, for the district and each department, and the surveys page, and solves every number
/// shown together: the answers of a group asked fewer than the minimum must stay out of reach.
/// </summary>
public sealed class SurveyParticipationPrivacyTests
{
    private static readonly string[] Departments = ["SCI", "ART", "MAT", "GEO"];
    private static readonly string[] Kinds = ["polls", "surveys"];

    [Fact]
    public async Task NoCombinationOfTheParticipationAndSurveysPagesGivesAwayTheAnswersOfASmallGroup()
    {
        List<(string Department, Persona Persona)> voters = [.. Voters("SCI", 6), .. Voters("ART", 3), .. Voters("MAT", 5), .. Voters("GEO", 7)];
        await using var bot = await ReportWorld.StartAskingAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI,ART,MAT,GEO", closeDate = "2099-01-01" });
        var surveyId = await SendAsync(bot, "rating* | How is it going? | 1; 2; 3; 4; 5", audienceKind: "Departments", audienceValues: "SCI,ART,GEO");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, PollCounters.Area), r => r.District[PollCounters.Asked] == 21, "the poll's recipients counted");
        await Eventually.ValueAsync(() => FigureRows.ReadAsync(bot, SurveyCounters.Area), r => r.District[SurveyCounters.Asked] == 16, "the survey's recipients counted");
        foreach (var (department, voted, answered) in new[] { ("SCI", 2, 3), ("ART", 2, 1), ("MAT", 3, 0), ("GEO", 4, 5) })
        {
            var people = voters.Where(v => v.Department == department).Select(v => v.Persona).ToList();
            foreach (var person in people.Take(voted))
            {
                await VoteAsync(bot, person, pollId, "0");
            }
            foreach (var person in people.Take(answered))
            {
                await AnswerAsync(bot, person, surveyId, ["4"]);
            }
        }
        var cookie = await SignInAsync(bot, Admin);

        var attacker = new Attacker();
        // Known without the dashboard: who was asked (department sizes and audiences); MAT was not surveyed.
        foreach (var department in Departments)
        {
            foreach (var kind in Kinds)
            {
                attacker.Knows([(department, kind, "asked")]);
            }
        }
        attacker.Knows([("MAT", "surveys", "answered")]);
        foreach (var asks in new[] { "polls", "surveys", "both" })
        {
            foreach (var department in Departments.Prepend(null))
            {
                var page = await (await GetAsync(bot, cookie, $"/reports/participation?asks={asks}" + (department is null ? "" : "&dept=" + department))).Content.ReadAsStringAsync();
                attacker.Reads(page, asks, department);
            }
        }
        foreach (var path in new[] { "/reports/surveys", $"/reports/surveys?survey={surveyId}" })
        {
            var page = await (await GetAsync(bot, cookie, path)).Content.ReadAsStringAsync();
            var row = Rows(page, "surveys").Single();
            attacker.Sees(Departments.Select(d => (d, "surveys", "asked")), row[3]);
            attacker.Sees(Departments.Select(d => (d, "surveys", "answered")), row[4]);
        }

        // The solver works: a group shown alone is worked out.
        Assert.True(attacker.Derives([("GEO", "polls", "answered")]), "GEO's poll answers are shown and must be derivable");
        Assert.True(attacker.Shown > 20, $"only {attacker.Shown} numbers were read");
        // ART was asked 3 times by polls and 3 by surveys: neither count of its answers may be worked out.
        Assert.False(attacker.Derives([("ART", "polls", "answered")]), "ART's poll answers can be worked out");
        Assert.False(attacker.Derives([("ART", "surveys", "answered")]), "ART's survey answers can be worked out");
    }

    /// <summary>Every number read, as the sum of the unknown cells (department × polls/surveys × asked/answered) it adds up.</summary>
    private sealed class Attacker
    {
        private readonly List<double[]> _equations = [];

        public int Shown { get; private set; }

        public void Knows(IEnumerable<(string Department, string Kind, string Counter)> cells) => _equations.Add(Vector(cells));

        public void Sees(IEnumerable<(string Department, string Kind, string Counter)> cells, string value)
        {
            if (long.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _))
            {
                Knows(cells);
                Shown++;
            }
        }

        public void Reads(string page, string asks, string? department)
        {
            if (Tile(page, "Asked") == "0")
            {
                // A withheld page shows nothing but zeros, which the attacker knows are not the audience: nothing learnt.
                return;
            }
            string[] kinds = asks == "both" ? Kinds : [asks];
            var scope = department is null ? Departments : [department];
            foreach (var counter in new[] { "asked", "answered" })
            {
                Sees(Cells(scope, kinds, counter), Tile(page, counter == "asked" ? "Asked" : "Answered"));
            }
            foreach (var table in new[] { "by-department", "below-rate", "by-role" })
            {
                if (!page.Contains($"id=\"{table}\"", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var row in Rows(page, table))
                {
                    // Everyone asked is a member, so a role's row adds up every department.
                    var groups = Departments.Contains(row[0]) ? [row[0]] : Departments;
                    Sees(Cells(groups, kinds, "asked"), row[1]);
                    Sees(Cells(groups, kinds, "answered"), row[2]);
                }
            }
        }

        /// <summary>Whether the sum of <paramref name="cells"/> is a combination of the numbers read.</summary>
        public bool Derives(IEnumerable<(string Department, string Kind, string Counter)> cells) =>
            Rank([.. _equations, Vector(cells)]) == Rank(_equations);

        private static IEnumerable<(string, string, string)> Cells(IEnumerable<string> departments, string[] kinds, string counter) =>
            departments.SelectMany(d => kinds.Select(k => (d, k, counter)));

        private static double[] Vector(IEnumerable<(string Department, string Kind, string Counter)> cells)
        {
            var vector = new double[Departments.Length * Kinds.Length * 2];
            foreach (var (department, kind, counter) in cells)
            {
                vector[(((Array.IndexOf(Departments, department) * Kinds.Length) + Array.IndexOf(Kinds, kind)) * 2) + (counter == "asked" ? 0 : 1)] += 1;
            }
            return vector;
        }

        private static int Rank(IReadOnlyList<double[]> rows)
        {
            var m = rows.Select(r => (double[])r.Clone()).ToList();
            var rank = 0;
            for (var column = 0; column < (m.Count == 0 ? 0 : m[0].Length) && rank < m.Count; column++)
            {
                var pivot = Enumerable.Range(rank, m.Count - rank).FirstOrDefault(i => Math.Abs(m[i][column]) > 1e-9, -1);
                if (pivot < 0)
                {
                    continue;
                }
                (m[rank], m[pivot]) = (m[pivot], m[rank]);
                for (var i = 0; i < m.Count; i++)
                {
                    if (i != rank && Math.Abs(m[i][column]) > 1e-9)
                    {
                        var factor = m[i][column] / m[rank][column];
                        for (var j = 0; j < m[i].Length; j++)
                        {
                            m[i][j] -= factor * m[rank][j];
                        }
                    }
                }
                rank++;
            }
            return rank;
        }
    }
}
