using TeamsEngage.Bot;
using TeamsEngage.People;

namespace TeamsEngage.Features.Feedback;

/// <summary>Who triages what: administrators every item, liaisons (and backups) the items of their departments.</summary>
public sealed class FeedbackStaff(IPeopleDirectory directory)
{
    /// <summary>The departments the caller triages; null for every department (administrators).</summary>
    public async Task<IReadOnlySet<string>?> DepartmentsOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Has(Role.Administrator))
        {
            return null;
        }
        if (!caller.Has(Role.Liaison))
        {
            return new HashSet<string>();
        }
        var key = caller.PersonKey ?? (await directory.FindByUserIdAsync(caller.UserId, cancellationToken).ConfigureAwait(false))?.Key;
        var all = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        return key is null
            ? new HashSet<string>()
            : all.Where(d => Same(key, d.LiaisonKey) || Same(key, d.BackupKey)).Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="departments"/> (from <see cref="DepartmentsOfAsync"/>) cover the item.</summary>
    public static bool Covers(IReadOnlySet<string>? departments, FeedbackItem item) =>
        departments is null || (item.DepartmentCode is { } code && departments.Contains(code));

    private static bool Same(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Finds the item a card names. "Me too" is for everyone; every other verb on an item is triage, for the liaisons of its
/// department and the administrators. Card data can be forged, so this runs on every press.
/// </summary>
public sealed class FeedbackAccess(FeedbackStore store, FeedbackStaff staff) : IEntityAccess<FeedbackItem>
{
    public async Task<EntityAccess<FeedbackItem>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } item)
        {
            return EntityAccess.Missing<FeedbackItem>();
        }
        if (context.Verb == FeedbackVerbs.Support)
        {
            return EntityAccess.Granted(item);
        }
        var departments = await staff.DepartmentsOfAsync(context.Caller, cancellationToken).ConfigureAwait(false);
        return FeedbackStaff.Covers(departments, item) ? EntityAccess.Granted(item) : EntityAccess.Refused<FeedbackItem>();
    }
}
