using TeamsEngage.Features.Feedback;
using TeamsEngage.Features.Notices;
using TeamsEngage.People;
using TeamsEngage.Reporting;

namespace TeamsEngage.Bench.Reports;

/// <summary>
/// Notices, polls and feedback over the year. A notice or poll goes to everyone (one in fifty notices, one in ten
/// polls) or to one or two departments; notices reach each person through <see cref="NoticeFigures.DeliveredAsync"/>
/// at the moment the card arrives (the seeding clock), and are acknowledged through
/// <see cref="NoticeFigures.AcknowledgedAsync"/>; polls record their recipients a page of 500 at a time and each first
/// answer, as the poll feature does (<see cref="AskFigures"/>).
/// </summary>
internal sealed class AskSeeding(YearOfEvents year, SeedClock clock)
{
    private const int AudiencePage = 500;

    /// <summary>The people a notice or poll goes to.</summary>
    public int[] Audience(Random random, double everyone)
    {
        var district = year.District;
        if (random.NextDouble() < everyone)
        {
            return [.. Enumerable.Range(0, district.Volume.People)];
        }
        var count = 1 + random.Next(2);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(district.Codes.Count)).Distinct().SelectMany(d => district.Members[d]).Order()];
    }

    public Task NoticesAsync(NoticeFigures figures) =>
        YearOfEvents.ForEachAsync(year.District.Volume.Notices, async n =>
        {
            var random = new Random(2_000_000 + n);
            var sent = year.SchoolMoment(random);
            var ackRequired = random.NextDouble() < 0.6;
            var notice = new Notice(YearOfEvents.NoticeId(n), District.UserId(0), Content(), NoticeState.Sent, sent.AddHours(-1), sent, sent);
            var audience = Audience(random, 0.02);
            for (var k = 0; k < audience.Length; k++)
            {
                // The outbox sends about 50 cards a second.
                clock.Now = sent.AddMilliseconds(20.0 * k);
                await figures.DeliveredAsync(notice.Id, District.UserId(audience[k]), CancellationToken.None);
                var acknowledged = sent + YearOfEvents.Wait(random, 240);
                if (ackRequired && random.NextDouble() < 0.7 && year.Happened(acknowledged))
                {
                    await figures.AcknowledgedAsync(notice, District.UserId(audience[k]), year.District.DepartmentOf(audience[k]), acknowledged);
                }
            }
            clock.Now = null;
        });

    public Task PollsAsync(AskFigures figures) =>
        YearOfEvents.ForEachAsync(year.District.Volume.Polls, async p =>
        {
            var random = new Random(3_000_000 + p);
            var sent = year.SchoolMoment(random);
            var pollId = YearOfEvents.PollId(p);
            var audience = Audience(random, 0.1);
            foreach (var page in audience.Chunk(AudiencePage))
            {
                await figures.AskedAsync(AskArea.Polls, pollId, [.. page.Select(i => new AskedPerson(District.UserId(i), year.District.DepartmentOf(i), District.RoleOf(i)))], sent);
            }
            var share = 0.3 + 0.4 * random.NextDouble();
            foreach (var i in audience)
            {
                var answered = sent + YearOfEvents.Wait(random, 120);
                if (random.NextDouble() < share && year.Happened(answered))
                {
                    figures.Answered(AskArea.Polls, pollId, year.District.DepartmentOf(i), District.RoleOf(i), answered);
                }
            }
        });

    public Task FeedbackAsync(FeedbackFigures figures) =>
        YearOfEvents.ForEachAsync(year.District.Volume.Feedback, async f =>
        {
            var random = new Random(4_000_000 + f);
            var raiser = random.Next(year.District.Volume.People);
            var raised = year.SchoolMoment(random);
            var item = new FeedbackItem("F" + f.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), (FeedbackKind)random.Next(3), "Bench", "general", null,
                year.District.DepartmentOf(raiser), false, null, District.UserId(raiser), raised);
            await figures.RaisedAsync(item);
            var reviewed = raised + YearOfEvents.Wait(random, 2_880);
            if (random.NextDouble() < 0.7 && year.Happened(reviewed))
            {
                await figures.MovedAsync(item with { State = FeedbackState.UnderReview }, reviewed);
                var outcome = reviewed + YearOfEvents.Wait(random, 10_000);
                if (random.NextDouble() < 0.7 && year.Happened(outcome))
                {
                    await figures.MovedAsync(item with { State = (FeedbackState)(2 + random.Next(3)) }, outcome);
                }
            }
        });

    private static NoticeContent Content() =>
        new("Bench notice", "Maintenance", "Upkeep", new NoticeWindow(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), "UTC"), NoticeImpact.Disruption, TeamsEngage.People.Audience.Everyone, [], true);
}
