using TeamsEngage.Cards;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Localization;

namespace TeamsEngage.Tests.Tickets;

/// <summary>Every card of the tickets feature, in each state and language, for the parser and snapshot tests.</summary>
internal static class TicketCardSamples
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    internal static IEnumerable<(string Name, AdaptiveCard Card)> Samples()
    {
        var zone = PeopleTime.ZoneOrUtc("America/Mexico_City");
        var open = SampleTicket();
        var claimed = open with { Status = TicketStatus.Claimed, ClaimedByKey = "ben", ClaimedByName = "Ben Okafor", ClaimedByUserId = "29:ben" };
        var resolved = claimed with { Status = TicketStatus.Resolved, ResolvedAt = Now.AddHours(2), Resolution = "Replaced the HDMI cable." };
        var rated = resolved with { Rating = 5 };
        var admins = open with { AssigneeKey = null, AssigneeName = null, EscalationLevel = 2 };
        var history = SampleHistory(open.Id);
        var targets = new List<Choice> { new("Liaison: Dana Park", "p:dana"), new("Department: Mathematics (MAT)", "d:MAT") };
        foreach (var language in Texts.SupportedLanguages)
        {
            var texts = Texts.For(language);
            yield return ($"tickets.form.{language}", TicketCards.ReportForm(texts, new ReportFormData()));
            yield return ($"tickets.form-error.{language}", TicketCards.ReportForm(texts, new ReportFormData("notice-1", "Projector *broken*", null, "Soon"), new ReportFormErrors(null, texts["Tickets_FormWhereMissing"], texts["Tickets_FormUrgencyMissing"]), texts["Tickets_FormProblemIntro"]));
            yield return ($"tickets.reporter-open.{language}", TicketCards.Reporter(open, texts, zone));
            yield return ($"tickets.reporter-admins.{language}", TicketCards.Reporter(admins, texts, zone));
            yield return ($"tickets.reporter-claimed.{language}", TicketCards.Reporter(claimed, texts, zone));
            yield return ($"tickets.reporter-resolved.{language}", TicketCards.Reporter(resolved, texts, zone));
            yield return ($"tickets.reporter-rated.{language}", TicketCards.Reporter(rated, texts, zone));
            yield return ($"tickets.staff-open.{language}", TicketStaffCards.Ticket(open, history[..1], texts, zone, Now, targets));
            yield return ($"tickets.staff-escalated.{language}", TicketStaffCards.Ticket(open, history, texts, zone, Now.AddHours(5), targets, texts.Format("Tickets_BannerEscalated", open.Id)));
            yield return ($"tickets.staff-claimed.{language}", TicketStaffCards.Ticket(claimed, history, texts, zone, Now, []));
            yield return ($"tickets.staff-resolved.{language}", TicketStaffCards.Ticket(resolved, history, texts, zone, Now, targets));
            yield return ($"tickets.staff-from-feedback.{language}", TicketStaffCards.Ticket(open with { FeedbackId = "FB-ABC234" }, history[..1], texts, zone, Now, targets));
            yield return ($"tickets.reporter-from-feedback.{language}", TicketCards.Reporter(open with { FeedbackId = "FB-ABC234" }, texts, zone));
            yield return ($"tickets.feedback-form.{language}", TicketFeedbackCards.Form(texts, open, [new("Idea", "Idea"), new("Complaint", "Complaint")]));
            yield return ($"tickets.feedback-form-error.{language}", TicketFeedbackCards.Form(texts, open, [new("Idea", "Idea")], new TicketFeedbackData(open.Id, "Wish", ""), texts.Tickets_FeedbackFormKindMissing, texts.Feedback_FormIncomplete(1000)));
            yield return ($"tickets.my-issues.{language}", TicketCards.MyIssues([claimed, resolved], texts, zone));
            yield return ($"tickets.my-issues-empty.{language}", TicketCards.MyIssues([], texts, zone));
            yield return ($"tickets.queue.{language}", TicketQueueCards.Queue(new QueueView([open, claimed with { DueAt = Now.AddHours(-1) }], QueueFilter.All, 1, 3, 20, Now, "29:ben"), texts));
            yield return ($"tickets.queue-empty.{language}", TicketQueueCards.Queue(new QueueView([], QueueFilter.All, 0, 1, 0, Now, "29:ben"), texts));
            yield return ($"tickets.queue-overdue-none.{language}", TicketQueueCards.Queue(new QueueView([], QueueFilter.Overdue, 0, 1, 0, Now, "29:ben"), texts));
            foreach (var e in history)
            {
                yield return ($"tickets.event-{e.Kind}.reporter.{language}".ToLowerInvariant(), TicketMessageCards.Event(claimed, e, texts, forReporter: true));
                yield return ($"tickets.event-{e.Kind}.staff.{language}".ToLowerInvariant(), TicketMessageCards.Event(claimed, e, texts, forReporter: false));
            }
            yield return ($"tickets.event-resolved-closed.{language}", TicketMessageCards.Event(resolved, history[^1], texts, forReporter: true));
            yield return ($"tickets.which.{language}", TicketMessageCards.WhichTicket([claimed, claimed with { Id = "SCI-0043" }], "Still no picture", texts));
            yield return ($"tickets.sent.{language}", TicketMessageCards.Sent(open.Id, "Ben Okafor", texts));
        }
    }

    private static Ticket SampleTicket() => new(
        "SCI-0042", "SCI", "Science", "29:ana", "ana", "Ana Torres",
        "The projector in room 12 shows no picture.", "Room 12", TicketUrgency.StoppingClass, null, TicketStatus.Open,
        "ben", "Ben Okafor", null, null, null,
        Now, Now.AddHours(4), Now.AddHours(4), 0, false, null, null, null);

    private static TicketEvent[] SampleHistory(string id) =>
        [.. Enum.GetValues<TicketEventKind>().Select((kind, i) => new TicketEvent(
            id, TicketStore.NewEventKey(Now.AddMinutes(i)), kind, Now.AddMinutes(i), "Ben Okafor", "ben",
            kind switch
            {
                TicketEventKind.LiaisonReply => "Is the cable plugged in?",
                TicketEventKind.ReporterMessage => "Yes, it is.",
                TicketEventKind.Resolved => "Replaced the HDMI cable.",
                TicketEventKind.Rated => TicketEventText.Rating(2, "Fixed, but it took *three* days."),
                TicketEventKind.Reopened => "It went blank again after lunch.",
                TicketEventKind.Reassigned => "Dana Park",
                TicketEventKind.Escalated => "Dana Park",
                TicketEventKind.Reminded => "Ben Okafor",
                TicketEventKind.LoggedAsFeedback => "FB-ABC234",
                _ => null,
            }))];
}
