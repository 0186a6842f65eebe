using TeamsEngage.Features.Tickets;

namespace TeamsEngage.Bench.Reports;

/// <summary>
/// Tickets as a year of real use makes them: most claimed within hours and resolved within days, some escalated,
/// some reopened, some rated, a few raised as concerns about a notice. Their events go to <see cref="TicketFigures"/>.
/// </summary>
internal static class TicketSeeding
{
    private static readonly TicketUrgency[] Urgencies = [TicketUrgency.StoppingClass, TicketUrgency.InTheWay, TicketUrgency.InTheWay, TicketUrgency.Whenever, TicketUrgency.Whenever];

    public static Task SeedAsync(YearOfEvents year, TicketFigures figures) =>
        YearOfEvents.ForEachAsync(year.District.Volume.Tickets, async t =>
        {
            var random = new Random(1_000_000 + t);
            var (ticket, events) = Ticket(year, random, t);
            await figures.CountAsync(null, ticket, events, CancellationToken.None);
        });

    private static (Ticket Ticket, List<TicketEvent> Events) Ticket(YearOfEvents year, Random random, int t)
    {
        var reporter = random.Next(year.District.Volume.People);
        var created = year.SchoolMoment(random);
        var urgency = Urgencies[random.Next(Urgencies.Length)];
        var id = "T" + t.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var events = new List<TicketEvent> { Event(id, TicketEventKind.Created, created) };
        DateTimeOffset? resolvedAt = null;
        int? rating = null;
        var claimed = created + YearOfEvents.Wait(random, urgency == TicketUrgency.StoppingClass ? 20 : 180);
        if (random.NextDouble() < 0.95)
        {
            events.Add(Event(id, TicketEventKind.Claimed, claimed));
            if (random.NextDouble() < 0.5)
            {
                events.Add(Event(id, TicketEventKind.LiaisonReply, claimed + YearOfEvents.Wait(random, 30)));
            }
            if (random.NextDouble() < 0.9)
            {
                resolvedAt = claimed + YearOfEvents.Wait(random, 600);
                events.Add(Event(id, TicketEventKind.Resolved, resolvedAt.Value));
                if (random.NextDouble() < 0.04)
                {
                    var reopened = resolvedAt.Value + YearOfEvents.Wait(random, 1_440);
                    events.Add(Event(id, TicketEventKind.Reopened, reopened));
                    resolvedAt = reopened + YearOfEvents.Wait(random, 600);
                    events.Add(Event(id, TicketEventKind.Resolved, resolvedAt.Value));
                }
                if (random.NextDouble() < 0.4)
                {
                    rating = random.NextDouble() < 0.8 ? 4 + random.Next(2) : 1 + random.Next(3);
                    events.Add(Event(id, TicketEventKind.Rated, resolvedAt.Value + YearOfEvents.Wait(random, 240)));
                }
            }
        }
        else
        {
            events.Add(Event(id, TicketEventKind.Escalated, created + TimeSpan.FromHours(24)));
        }
        var happened = events.Where(e => year.Happened(e.At)).ToList();
        var ticket = new Ticket(id, year.District.DepartmentOf(reporter), null, District.UserId(reporter), null, null, "Bench", "Room", urgency,
            random.NextDouble() < 0.02 ? YearOfEvents.NoticeId(random.Next(year.District.Volume.Notices)) : null,
            TicketStatus.Open, null, null, null, null, null, created, created.AddHours(24), created.AddHours(24), 0, false,
            happened.Any(e => e.Kind == TicketEventKind.Resolved) ? resolvedAt : null, null,
            happened.Any(e => e.Kind == TicketEventKind.Rated) ? rating : null)
        { ServiceId = District.Services[random.Next(District.Services.Length)] };
        return (ticket, happened);
    }

    private static TicketEvent Event(string ticketId, TicketEventKind kind, DateTimeOffset at) =>
        new(ticketId, at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, at, "Bench", null, null);
}
