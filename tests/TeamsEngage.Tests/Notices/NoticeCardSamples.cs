using TeamsEngage.Cards;
using TeamsEngage.Features.Notices;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Notices;

/// <summary>Every card of the notices feature, in every state and language, for the catalogue and the parser test.</summary>
internal static class NoticeCardSamples
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    internal static Notice SampleNotice(NoticeState state = NoticeState.Sent, NoticeImpact impact = NoticeImpact.Disruption, bool ack = true) => new(
        "n20261120-0a1b2c3d",
        "29:1author",
        new NoticeContent(
            "Gradebook upgrade *tonight* <b>",
            "The gradebook moves to version 5.\nSaved drafts are kept.",
            "Faster loading and [a new] mobile view.",
            new NoticeWindow(Start, Start.AddHours(2), "America/Chicago"),
            impact,
            new Audience(AudienceKind.Departments, ["SCI", "MATH"]),
            [new Uri("https://help.example.org/gradebook/training")],
            ack),
        state,
        Start.AddDays(-3),
        SentAt: state == NoticeState.Sent ? Start.AddDays(-2) : null);

    internal static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        IReadOnlyList<Department> departments =
        [
            new("SCI", "Science", null, null, 24, null),
            new("MATH", "Mathematics", null, null, 24, null),
        ];
        foreach (var language in Texts.SupportedLanguages)
        {
            var texts = Texts.For(language);
            var notice = SampleNotice();
            foreach (var impact in Enum.GetValues<NoticeImpact>())
            {
                yield return ($"notice.card.{impact}.{language}".ToLowerInvariant(), NoticeCards.Notice(SampleNotice(impact: impact), texts, "America/New_York", new NoticeView()));
            }
            yield return ($"notice.card.no-ack.{language}", NoticeCards.Notice(SampleNotice(ack: false), texts, null, new NoticeView()));
            yield return ($"notice.card.acknowledged.{language}", NoticeCards.Notice(notice, texts, "America/Denver", new NoticeView(Start.AddDays(-1))));
            yield return ($"notice.card.reminder.{language}", NoticeCards.Notice(notice, texts, null, new NoticeView(Reminder: true)));
            yield return ($"notice.card.updated.{language}", NoticeCards.Notice(notice with { Changes = NoticeChanges.Schedule | NoticeChanges.Links, Revision = 1 }, texts, null, new NoticeView()));
            yield return ($"notice.card.image.{language}", NoticeCards.Notice(notice with { Content = notice.Content with { Image = new Uri("https://help.example.org/gradebook/banner.png") } }, texts, null, new NoticeView()));
            yield return ($"notice.card.test.{language}", NoticeCards.TestCopy(SampleNotice(NoticeState.Draft), texts, "America/Chicago"));
            yield return ($"notice.card.cancelled.{language}", NoticeCards.Notice(notice with { State = NoticeState.Cancelled }, texts, null, new NoticeView()));

            var blank = NoticeForm.Blank(Start, "America/Chicago");
            yield return ($"notice.composer.{language}", NoticeComposerCards.Composer(blank, [], departments, PeopleTime.CommonZones, texts));
            yield return ($"notice.composer.errors.{language}", NoticeComposerCards.Composer(
                blank with { Title = "", Links = "javascript:alert(1)", Audience = "People", Pilot = "nobody@example.org" },
                [texts.Format("Notice_Error_Required", texts["Notice_Field_Title"]), texts.Format("Notice_Error_Link", "javascript:alert(1)")],
                departments, PeopleTime.ZonesFor("Europe/Madrid"), texts));
            yield return ($"notice.composer.live.{language}", NoticeComposerCards.Composer(NoticeForm.FromNotice(notice, new Dictionary<string, string>()), [], departments, PeopleTime.CommonZones, texts, live: true));
            yield return ($"notice.reschedule.{language}", NoticeComposerCards.Reschedule(notice, NoticeForm.FromNotice(notice, new Dictionary<string, string>()), [texts["Notice_Error_EndBeforeStart"]], PeopleTime.CommonZones, texts));
            yield return ($"notice.composer.live.reached.{language}", NoticeComposerCards.Composer(NoticeForm.FromNotice(notice, new Dictionary<string, string>()), [], departments, PeopleTime.CommonZones, texts, live: true, reached: 12));
            yield return ($"notice.reschedule.reached.{language}", NoticeComposerCards.Reschedule(notice, NoticeForm.FromNotice(notice, new Dictionary<string, string>()), [], PeopleTime.CommonZones, texts, reached: 12));
            yield return ($"notice.card.acknowledge-again.{language}", NoticeCards.Notice(notice with { AckRound = 1, Changes = NoticeChanges.Schedule, Revision = 1 }, texts, null, new NoticeView(AcknowledgedEarlier: true)));
            var moved = notice with { Content = notice.Content with { Window = notice.Content.Window with { Start = Start.AddDays(2), End = Start.AddDays(2).AddHours(2) } }, Changes = NoticeChanges.Schedule, Revision = 1, AckRound = 1 };
            yield return ($"notice.change.schedule.{language}", NoticeChangeCards.Told(moved, new NoticeChangePayload(moved.Id, 1, NoticeChanges.Schedule, notice.Content.Window, AckAgain: true), texts, "America/Chicago"));
            yield return ($"notice.change.details.{language}", NoticeChangeCards.Told(notice, new NoticeChangePayload(notice.Id, 2, NoticeChanges.Details | NoticeChanges.Impact, notice.Content.Window, AckAgain: false), texts, null));

            var draft = SampleNotice(NoticeState.Draft);
            yield return ($"notice.preview.{language}", NoticeAuthorCards.Preview(draft, texts, "America/Chicago", 42));
            yield return ($"notice.confirm.{language}", NoticeAuthorCards.Confirm(draft, texts, 1200, null));
            yield return ($"notice.confirm.scheduled.{language}", NoticeAuthorCards.Confirm(draft, texts, 1200, Start.AddDays(-1)));
            yield return ($"notice.outcome.sent.{language}", NoticeProgressCards.Sent(notice, new NoticeProgressReport(40, 25, 12, 3, 70, TimeSpan.FromMinutes(2), false), texts));
            yield return ($"notice.outcome.cancelled.{language}", NoticeAuthorCards.Outcome(notice with { State = NoticeState.Cancelled }, texts, texts.Format("Notice_CancelledHeadline", 3, 37)));
            yield return ($"notice.list.empty.{language}", NoticeAuthorCards.List([], texts));
            yield return ($"notice.list.{language}", NoticeAuthorCards.List(
                [notice, draft, notice with { State = NoticeState.Scheduled, SendAt = Start.AddDays(-1) }, notice with { State = NoticeState.Cancelled }], texts));
            yield return ($"notice.status.{language}", NoticeStatusCards.Status(notice, SampleReport(), texts, canRemind: true));
            yield return ($"notice.status.empty.{language}", NoticeStatusCards.Status(notice with { Reminded = true }, NoticeStatusReport.From([], new HashSet<string>()), texts, canRemind: false));
        }
    }

    internal static NoticeStatusReport SampleReport()
    {
        DeliveryRecord Record(string key, string? department, DeliveryStatus status, string? reason = null) =>
            new(key, "29:" + key, department, "Member", status, reason, status == DeliveryStatus.Sent ? "a:" + key : null, null, null);
        return NoticeStatusReport.From(
        [
            Record("a", "SCI", DeliveryStatus.Sent),
            Record("b", "SCI", DeliveryStatus.Sent),
            Record("c", "SCI", DeliveryStatus.Failed, "Blocked"),
            Record("d", "MATH", DeliveryStatus.Pending),
            Record("e", "MATH", DeliveryStatus.Unreachable),
            Record("f", null, DeliveryStatus.Failed, "Gone"),
        ], new HashSet<string>(StringComparer.Ordinal) { "29:a" });
    }
}
