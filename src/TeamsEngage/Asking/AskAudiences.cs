using TeamsEngage.Bot;
using TeamsEngage.People;

namespace TeamsEngage.Asking;

/// <summary>Whom an author may ask (a poll, a survey): administrators anyone, liaisons only whole departments they look after.</summary>
public sealed class AskAudiences(IPeopleDirectory directory)
{
    /// <summary>The departments a liaison looks after (as liaison or backup).</summary>
    public async Task<IReadOnlyList<string>> OwnDepartmentsAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.PersonKey is not { } key)
        {
            return [];
        }
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        return [.. departments.Where(d => d.LiaisonKey == key || d.BackupKey == key).Select(d => d.Code)];
    }

    /// <summary>Whether <paramref name="caller"/> may ask <paramref name="audience"/>.</summary>
    public async Task<bool> MayTargetAsync(Caller caller, Audience audience, CancellationToken cancellationToken)
    {
        if (caller.Has(Role.Administrator))
        {
            return true;
        }
        if (!caller.Has(Role.Liaison) || audience.Kind != AudienceKind.Departments || audience.Values.Count == 0)
        {
            return false;
        }
        var own = await OwnDepartmentsAsync(caller, cancellationToken).ConfigureAwait(false);
        return audience.Values.All(v => own.Contains(v, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>How many people of the audience the bot can reach (those who could vote).</summary>
    public async Task<int> ReachableCountAsync(Audience audience, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var person in directory.ResolveAudienceAsync(audience, cancellationToken).ConfigureAwait(false))
        {
            count += person.UserId is null ? 0 : 1;
        }
        return count;
    }

    /// <summary>The default audience: everyone for administrators, their own departments for liaisons; null when they have none.</summary>
    public async Task<Audience?> DefaultAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Has(Role.Administrator))
        {
            return Audience.Everyone;
        }
        var own = await OwnDepartmentsAsync(caller, cancellationToken).ConfigureAwait(false);
        return own.Count == 0 ? null : new Audience(AudienceKind.Departments, own);
    }
}
