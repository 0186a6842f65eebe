using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// The ticket school (<see cref="TicketWorld"/>): Science with Ben as liaison, Mathematics with none, Arts with Fay as
/// liaison; Eli administers (by configuration). Here Ben and Fay are liaisons in the directory too, and Fay reads Spanish.
/// </summary>
internal static class ReportWorld
{
    public static Task<BotApplication> StartAsync(TimeProvider? clock = null, bool loopback = false, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var people = DirectorySeeding.Settings(people: string.Join('\n',
            $"{DirectorySeeding.EmailOf(TicketWorld.Ana)},SCI,member,en",
            $"{DirectorySeeding.EmailOf(TicketWorld.Carmen)},SCI,member,es",
            $"{DirectorySeeding.EmailOf(TicketWorld.Gus)},MAT,member,en",
            $"{DirectorySeeding.EmailOf(TicketWorld.Ben)},SCI,liaison,en",
            $"{DirectorySeeding.EmailOf(TicketWorld.Fay)},ART,liaison,es"));
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            people[key] = value;
        }
        return TicketWorld.StartAsync(clock, people, loopback: loopback);
    }

    /// <summary>Lia looks after Science (she sits in the office, so no survey of a department reaches her) and reads Spanish.</summary>
    public static readonly Persona Lia = Persona.Create("Lia Liaison", "lia-liaison", "es-ES");

    /// <summary>
    /// The asking school: Ines (<see cref="Polls.PollHost.Admin"/>) administers; <paramref name="voters"/> are members of
    /// their departments; Lia is Science's liaison. Everyone has installed the bot; the outbox sends at once.
    /// </summary>
    public static Task<BotApplication> StartAskingAsync(IReadOnlyList<(string Department, Persona Persona)> voters, bool loopback = false, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var departments = string.Join('\n', voters.Select(v => v.Department).Append("OFF").Distinct()
            .Select(d => d == "SCI" ? $"SCI department,SCI,{DirectorySeeding.EmailOf(Lia)},,24" : $"{d} department,{d},,,24"));
        var people = string.Join('\n', voters.Select(v => $"{DirectorySeeding.EmailOf(v.Persona)},{v.Department},member,").Append($"{DirectorySeeding.EmailOf(Lia)},OFF,liaison,es"));
        return DirectorySeeding.StartAsync(departments, people, [Polls.PollHost.Admin], [Polls.PollHost.Admin, Lia, .. voters.Select(v => v.Persona)], OutboxHost.FastSettings(), services, loopback: loopback);
    }
}
