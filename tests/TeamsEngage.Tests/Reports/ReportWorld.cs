using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// The ticket school (<see cref="TicketWorld"/>): Science with Ben as liaison, Mathematics with none, Arts with Fay as
/// liaison; Eli administers (by configuration). Here Ben and Fay are liaisons in the directory too, and Fay reads Spanish.
/// </summary>
internal static class ReportWorld
{
    public static Task<BotApplication> StartAsync(TimeProvider? clock = null, bool loopback = false)
    {
        var people = DirectorySeeding.Settings(people: string.Join('\n',
            $"{DirectorySeeding.EmailOf(TicketWorld.Ana)},SCI,member,en",
            $"{DirectorySeeding.EmailOf(TicketWorld.Carmen)},SCI,member,es",
            $"{DirectorySeeding.EmailOf(TicketWorld.Gus)},MAT,member,en",
            $"{DirectorySeeding.EmailOf(TicketWorld.Ben)},SCI,liaison,en",
            $"{DirectorySeeding.EmailOf(TicketWorld.Fay)},ART,liaison,es"));
        return TicketWorld.StartAsync(clock, people, loopback: loopback);
    }
}
