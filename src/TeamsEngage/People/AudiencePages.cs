using TeamsEngage.Calendar;
using TeamsEngage.Outbox;

namespace TeamsEngage.People;

/// <summary>
/// A directory audience read the way the outbox's writer asks for it: counted, and in pages of recipients in person-key
/// order, each page resumable after its last key. Features whose audience is simply "these people" resolve through it.
/// </summary>
public static class AudiencePages
{
    /// <summary>How many people <paramref name="audience"/> names now.</summary>
    public static async Task<int> CountAsync(this IPeopleDirectory directory, Audience audience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var count = 0;
        await foreach (var _ in directory.ResolveAudienceAsync(audience, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// The next <paramref name="max"/> people of <paramref name="audience"/> after <paramref name="afterPersonKey"/>, as
    /// recipients each held by <paramref name="quiet"/> for their department's lessons (null: everyone at once).
    /// </summary>
    public static async Task<BroadcastPage> PageAsync(this IPeopleDirectory directory, Audience audience, string? afterPersonKey, int max, QuietPlan? quiet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var page = new List<BroadcastRecipient>(max);
        await foreach (var person in directory.ResolveAudienceAfterAsync(audience, afterPersonKey, cancellationToken).ConfigureAwait(false))
        {
            page.Add(new BroadcastRecipient(person.Key, person.UserId, person.DepartmentCode, person.Role.ToString(), quiet?.For(person.DepartmentCode)));
            if (page.Count == max)
            {
                return new BroadcastPage(page, page.Count, person.Key);
            }
        }
        return new BroadcastPage(page, page.Count, null);
    }
}
