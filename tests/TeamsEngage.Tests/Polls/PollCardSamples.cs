using TeamsEngage.Cards;
using TeamsEngage.Features.Polls;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Polls;

/// <summary>Every poll card in each state and language, for the official parser and the card catalogue.</summary>
internal static class PollCardSamples
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    internal static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        var zone = TimeZoneInfo.Utc;
        foreach (var language in Texts.SupportedLanguages)
        {
            var texts = Texts.For(language);
            var open = Sample(anonymous: false, multiple: false, comment: true, PollStatus.Open);
            var anonymous = Sample(anonymous: true, multiple: true, comment: false, PollStatus.Open);
            var closed = open with { Status = PollStatus.Closed };
            var vote = new Vote([1], "Either works *for me*", "SCI", "Member");
            var tally = new PollTally(12, [5, 7]);
            var results = PollDisclosure.Results(closed, [.. Votes()], 5);
            var withheld = PollDisclosure.Results(anonymous, [.. Votes()], 5);
            yield return ($"poll.ballot.{language}", PollCards.Ballot(open, "29:1ana", texts, zone));
            yield return ($"poll.ballot.anonymous-multiple.{language}", PollCards.Ballot(anonymous, "29:1ana", texts, zone));
            yield return ($"poll.change.{language}", PollCards.Ballot(open, "29:1ana", texts, zone, vote));
            yield return ($"poll.voted.live.{language}", PollCards.Voted(open, "29:1ana", vote, tally, texts, zone));
            yield return ($"poll.voted.after-close.{language}", PollCards.Voted(open with { Spec = open.Spec with { Results = ResultsVisibility.AfterClose } }, "29:1ana", vote, null, texts, zone));
            yield return ($"poll.closed.{language}", PollCards.Closed(closed, vote, tally, texts, zone));
            yield return ($"poll.composer.{language}", PollAuthorCards.Composer(texts, new DateOnly(2026, 11, 23)));
            yield return ($"poll.composer.error.{language}", PollAuthorCards.Composer(texts, new DateOnly(2026, 11, 23), texts["Poll_Error_Closing"], new ComposerData("Q?", "A\nB")));
            yield return ($"poll.preview.{language}", PollAuthorCards.Preview(open with { Status = PollStatus.Draft }, texts, zone));
            yield return ($"poll.results.{language}", PollAuthorCards.Results(new PollResultsView(open with { Capped = 3 }, results, 40, 5, ExportLink: new Uri("https://bot.example.org/polls/x/export.csv?exp=1&sig=2")), texts, zone));
            yield return ($"poll.results.breakdown.{language}", PollAuthorCards.Results(new PollResultsView(closed, results, 40, 5, "department"), texts, zone));
            yield return ($"poll.results.anonymous-open.{language}", PollAuthorCards.Results(new PollResultsView(anonymous, withheld, 40, 5), texts, zone));
            yield return ($"poll.results.read-only.{language}", PollAuthorCards.Results(new PollResultsView(open, results, 40, 5) { ReadOnly = true }, texts, zone));
            yield return ($"poll.results.queued.{language}", PollAuthorCards.Results(new PollResultsView(open, PollDisclosure.Results(open, [], 5), 0, 5) { Pending = 40 }, texts, zone));
            yield return ($"poll.edit.{language}", PollAuthorCards.Composer(texts, new DateOnly(2026, 11, 23), null, PollAuthorCards.FormOf(open with { Status = PollStatus.Draft }, zone)));
            yield return ($"poll.closed.withheld.{language}", PollCards.Closed(anonymous with { Status = PollStatus.Closed }, null, null, texts, zone));
        }
    }

    private static Poll Sample(bool anonymous, bool multiple, bool comment, PollStatus status) => new(
        "0123456789abcdef0123456789abcdef",
        new PollSpec("Which training time works best?", ["Monday 3pm", "Wednesday 3pm"], multiple, comment, anonymous, ResultsVisibility.Live, Now.AddDays(3), new Audience(AudienceKind.Departments, ["SCI", "MATH"])),
        "29:1admin",
        "Admin",
        status,
        Now,
        Recipients: 40);

    private static IEnumerable<Vote> Votes() =>
        Enumerable.Range(0, 8).Select(i => new Vote([i % 2], null, "SCI", "Member"))
            .Concat(Enumerable.Range(0, 6).Select(i => new Vote([i % 2], null, "MATH", "Member")))
            .Concat(Enumerable.Range(0, 3).Select(i => new Vote([0], null, "ART", "Member")));
}
