using TeamsEngage.Outbox;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Outbox;

internal static class OutboxPeople
{
    public static Persona[] Many(int count, string prefix = "p") =>
        [.. Enumerable.Range(0, count).Select(i => Persona.Create("Person " + i, prefix + i))];

    public static BroadcastRecipient Recipient(Persona person, string department = "SCI") =>
        new("key-" + person.UserId, person.UserId, department, "Teacher");

    public static async IAsyncEnumerable<BroadcastRecipient> Stream(IEnumerable<BroadcastRecipient> recipients)
    {
        foreach (var recipient in recipients)
        {
            await Task.Yield();
            yield return recipient;
        }
    }
}
