using CsCheck;
using TeamsEngage.Features.Polls;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// An author (or administrator) of an anonymous poll who writes down every number they are shown, after every vote and
/// after closing: the results card with every breakdown offered, the CSV, a voter's card. Each number is the sum of some
/// unknowns x[ballot, option] (1 when that ballot chose that option); the attacker also knows who voted when and how many
/// options each ballot chose. The answer of a group smaller than the minimum (one ballot, or a department, role or
/// department-and-role cell with fewer voters) must not be a linear combination of what was seen.
/// </summary>
public sealed class PollAnonymityPropertyTests
{
    private const int MinGroupSize = 5;
    private static readonly string[] Roles = ["Member", "Liaison", "Administrator"];

    internal sealed record Person(string Department, string Role);

    internal sealed record Ballot(int Voter, int First, int Second);

    internal sealed record Scenario(Person[] Audience, Ballot[] Ballots, PollGrouping Grouping, bool Multiple, int Options, ResultsVisibility Results)
    {
        public override string ToString() =>
            $"{Grouping} {(Multiple ? "multiple" : "single")} {Options} options, results {Results}; audience "
            + string.Join(' ', Audience.Select((p, i) => $"{i}:{p.Department}/{p.Role}"))
            + "; ballots " + string.Join(' ', Ballots.Select(b => $"{b.Voter}={b.First}{(Multiple && b.Second >= 0 ? "+" + b.Second : "")}"));
    }

    private static readonly Gen<Scenario> Scenarios =
        from size in Gen.Int[1, 22]
        from departments in Gen.Int[1, 4]
        from roles in Gen.Int[1, 3]
        from people in Gen.Select(Gen.Int[0, departments - 1], Gen.Int[0, roles - 1], (d, r) => new Person($"D{d}", Roles[r])).Array[size]
        from options in Gen.Int[2, 3]
        from ballots in Gen.Select(Gen.Int[0, size - 1], Gen.Int[0, options - 1], Gen.Int[-1, options - 1], (v, a, b) => new Ballot(v, a, b)).Array[0, size + 6]
        from multiple in Gen.Bool
        from grouping in Gen.Int[0, 2]
        from results in Gen.Int[0, 2]
        select new Scenario(people, ballots, (PollGrouping)grouping, multiple, options, (ResultsVisibility)results);

    [Fact]
    public void NoCombinationOfEverythingTheAuthorSeesRevealsTheAnswerOfASmallGroup()
    {
        Scenarios.Sample(scenario => Assert.Null(new PollAttack(scenario, MinGroupSize).Run()), iter: 2000);
    }

    [Fact]
    public void ScienceByDepartmentMinusMembersByRoleDoesNotGiveAwayTheOneScienceLiaison()
    {
        Person[] audience = [.. Enumerable.Repeat(new Person("SCI", "Member"), 5), new Person("SCI", "Liaison"), .. Enumerable.Repeat(new Person("ART", "Liaison"), 6)];
        Ballot[] ballots = [.. audience.Select((_, i) => new Ballot(i, i == 5 ? 1 : 0, -1))];
        foreach (var grouping in Enum.GetValues<PollGrouping>())
        {
            Assert.Null(new PollAttack(new Scenario(audience, ballots, grouping, false, 2, ResultsVisibility.Live), MinGroupSize).Run());
        }
    }

    /// <summary>One run of the attack over a scenario; <see cref="Run"/> names the first group whose answer was derived.</summary>
    private sealed class PollAttack(Scenario scenario, int minGroupSize)
    {
        private readonly LinearKnowledge _seen = new(scenario.Ballots.Length * scenario.Options);
        private readonly List<(string Group, long[] Sum)> _targets = [];
        private readonly Dictionary<int, (int Ballot, Vote Vote)> _current = [];

        public string? Run()
        {
            var recipients = scenario.Audience.Select((p, i) => new PollRecipient($"29:{i}", $"k{i}", p.Department, p.Role)).ToList();
            var spec = new PollSpec("Q?", [.. Enumerable.Range(0, scenario.Options).Select(o => $"O{o}")], scenario.Multiple, false, true, scenario.Results, DateTimeOffset.MaxValue, Audience.Everyone, scenario.Grouping);
            var poll = PollViews.Open(new Poll("0123456789abcdef0123456789abcdef", spec, "29:author", "Author", PollStatus.Draft, DateTimeOffset.UnixEpoch), recipients, minGroupSize);
            Observe(poll);
            for (var b = 0; b < scenario.Ballots.Length; b++)
            {
                var ballot = scenario.Ballots[b];
                _current[ballot.Voter] = (b, PollViews.Stored(poll, recipients[ballot.Voter], ChoicesOf(ballot)));
                // Who voted, and how many options they ticked, is assumed known.
                _seen.Add(Sum([b], Enumerable.Range(0, scenario.Options)));
                for (var o = 0; o < scenario.Options; o++)
                {
                    _targets.Add(($"ballot {b} (person {ballot.Voter}), option {o}", Sum([b], [o])));
                }
                Observe(poll);
                AddSmallGroupTargets();
            }
            Observe(poll with { Status = PollStatus.Closed });
            return _targets.FirstOrDefault(t => _seen.Spans(t.Sum)).Group;
        }

        private int[] ChoicesOf(Ballot ballot) =>
            scenario.Multiple && ballot.Second >= 0 && ballot.Second != ballot.First ? [ballot.First, ballot.Second] : [ballot.First];

        private void Observe(Poll poll)
        {
            var owners = _current.OrderBy(c => c.Key).Select(c => c.Value).ToList();
            var votes = owners.Select(c => c.Vote).ToList();
            var (totals, breakdowns) = PollViews.Card(poll, votes, minGroupSize);
            SeeTally(totals, owners.Select(c => c.Ballot));
            foreach (var (by, groups) in breakdowns)
            {
                foreach (var group in groups)
                {
                    SeeTally(group.Tally, owners.Where(c => PollViews.GroupOf(by, c.Vote) == group.Name).Select(c => c.Ballot));
                }
            }
            SeeTally(PollViews.VoterCard(poll, votes, minGroupSize), owners.Select(c => c.Ballot));
            SeeCsv(PollViews.Csv(poll, votes, minGroupSize), owners);
        }

        /// <summary>Every numeric cell of the totals and breakdown sections, as the sum over the ballots it names.</summary>
        private void SeeCsv(string csv, List<(int Ballot, Vote Vote)> owners)
        {
            string? section = null;
            foreach (var line in csv.Split("\r\n"))
            {
                var cells = line.Split(',');
                if (line.Length == 0 || cells[0] is "option" or PollDisclosure.ByDepartment or PollDisclosure.ByRole)
                {
                    section = line.Length == 0 ? null : cells[0];
                    continue;
                }
                if (section == "option" && int.TryParse(cells[1], out var count))
                {
                    SeeNumber(count, owners.Select(c => c.Ballot), [int.Parse(cells[0][1..], System.Globalization.CultureInfo.InvariantCulture)]);
                }
                else if (section is PollDisclosure.ByDepartment or PollDisclosure.ByRole && int.TryParse(cells[1], out _))
                {
                    var name = cells[0] is "(other)" or "(none)" ? string.Empty : cells[0];
                    var members = owners.Where(c => PollViews.GroupOf(section, c.Vote) == name).Select(c => c.Ballot).ToList();
                    for (var o = 0; o < scenario.Options; o++)
                    {
                        SeeNumber(int.Parse(cells[2 + o], System.Globalization.CultureInfo.InvariantCulture), members, [o]);
                    }
                }
            }
        }

        private void SeeTally(PollTally? tally, IEnumerable<int> ballots)
        {
            var list = ballots.ToList();
            for (var o = 0; tally is not null && o < scenario.Options; o++)
            {
                SeeNumber(tally.Counts[o], list, [o]);
            }
        }

        /// <summary>Records a shown number as the sum it is, after checking it is that sum (so the model matches the screen).</summary>
        private void SeeNumber(int shown, IEnumerable<int> ballots, int[] options)
        {
            var list = ballots.ToList();
            var actual = list.Sum(b => options.Count(o => ChoicesOf(scenario.Ballots[b]).Contains(o)));
            Assert.Equal(actual, shown);
            _seen.Add(Sum(list, options));
        }

        /// <summary>Departments, roles and department-and-role cells of the current voters that are smaller than the minimum.</summary>
        private void AddSmallGroupTargets()
        {
            var voters = _current.Select(c => (Person: scenario.Audience[c.Key], c.Value.Ballot)).ToList();
            var groups = voters.GroupBy(v => "department " + v.Person.Department)
                .Concat(voters.GroupBy(v => "role " + v.Person.Role))
                .Concat(voters.GroupBy(v => $"cell {v.Person.Department}/{v.Person.Role}"));
            foreach (var group in groups.Where(g => g.Count() < minGroupSize))
            {
                for (var o = 0; o < scenario.Options; o++)
                {
                    _targets.Add(($"{group.Key} ({group.Count()} voters), option {o}", Sum([.. group.Select(v => v.Ballot)], [o])));
                }
            }
        }

        private long[] Sum(IEnumerable<int> ballots, IEnumerable<int> options)
        {
            var row = new long[scenario.Ballots.Length * scenario.Options];
            var chosen = options.ToList();
            foreach (var b in ballots)
            {
                foreach (var o in chosen)
                {
                    row[(b * scenario.Options) + o] = 1;
                }
            }
            return row;
        }
    }

    /// <summary>The span of the sums seen so far, kept in echelon form modulo a prime (exact Gaussian elimination).</summary>
    internal sealed class LinearKnowledge(int unknowns)
    {
        private const long Prime = 2_147_483_647;
        private readonly List<(int Pivot, long[] Row)> _basis = [];

        public void Add(long[] sum)
        {
            var row = Reduce(sum);
            var pivot = Array.FindIndex(row, v => v != 0);
            if (pivot < 0)
            {
                return;
            }
            var inverse = Power(row[pivot], Prime - 2);
            for (var i = 0; i < unknowns; i++)
            {
                row[i] = row[i] * inverse % Prime;
            }
            _basis.Add((pivot, row));
        }

        public bool Spans(long[] sum) => Reduce(sum).All(v => v == 0);

        private long[] Reduce(long[] sum)
        {
            var row = (long[])sum.Clone();
            foreach (var (pivot, basis) in _basis)
            {
                var factor = row[pivot];
                if (factor == 0)
                {
                    continue;
                }
                for (var i = 0; i < unknowns; i++)
                {
                    row[i] = ((row[i] - (factor * basis[i] % Prime)) % Prime + Prime) % Prime;
                }
            }
            return row;
        }

        private static long Power(long value, long exponent)
        {
            long result = 1;
            for (value %= Prime; exponent > 0; exponent >>= 1, value = value * value % Prime)
            {
                result = (exponent & 1) == 1 ? result * value % Prime : result;
            }
            return result;
        }
    }
}
