using TeamsEngage.Bot;
using TeamsEngage.Conversations;
using TeamsEngage.People;

namespace TeamsEngage.Features.Tickets;

/// <summary>A person the bot can message about a ticket.</summary>
public sealed record TicketContact(string? Key, string UserId, string? Name);

/// <summary>Who is looking at a ticket's staff card, to decide whether it offers them anything to do.</summary>
public sealed record TicketViewer(string? PersonKey, bool Administrator);

/// <summary>Who is acting on a ticket, as its history records them.</summary>
public sealed record TicketActor(string Key, string? Name, string UserId);

/// <summary>Who handles tickets: the department's liaison and backup, else the administrators; and who is acting.</summary>
public sealed class TicketPeople(IPeopleDirectory directory, ConversationReferenceStore conversations)
{
    /// <summary>The person, if the bot can reach them (they have a 1:1 chat with it).</summary>
    public async Task<TicketContact?> ReachableAsync(string? personKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(personKey) || await directory.FindAsync(personKey, cancellationToken).ConfigureAwait(false) is not { UserId: { } userId } person)
        {
            return null;
        }
        var reference = await conversations.FindAsync(userId, cancellationToken).ConfigureAwait(false);
        return reference is null ? null : new TicketContact(person.Key, userId, person.Name ?? reference.Name);
    }

    /// <summary>The person's directory entry, reachable or not.</summary>
    public Task<Person?> PersonAsync(string personKey, CancellationToken cancellationToken) => directory.FindAsync(personKey, cancellationToken);

    /// <summary>Every reachable administrator.</summary>
    public async Task<IReadOnlyList<TicketContact>> AdministratorsAsync(CancellationToken cancellationToken)
    {
        var contacts = new List<TicketContact>();
        foreach (var admin in await directory.ListAdministratorsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (admin.UserId is { } userId && await conversations.FindAsync(userId, cancellationToken).ConfigureAwait(false) is not null)
            {
                contacts.Add(new TicketContact(admin.Key, userId, admin.Name));
            }
        }
        return contacts;
    }

    public Task<Department?> DepartmentAsync(string? code, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(code) ? Task.FromResult<Department?>(null) : directory.FindDepartmentAsync(code, cancellationToken);

    /// <summary>The caller's directory entry (by key when the resolver knew it, else by user id).</summary>
    public async Task<Person?> PersonOfAsync(Caller caller, CancellationToken cancellationToken) =>
        (caller.PersonKey is { } key ? await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) : null)
        ?? await directory.FindByUserIdAsync(caller.UserId, cancellationToken).ConfigureAwait(false);

    /// <summary>The caller as the history names them: their directory entry when there is one.</summary>
    public async Task<TicketActor> ActorAsync(Caller caller, CancellationToken cancellationToken)
    {
        var person = await PersonOfAsync(caller, cancellationToken).ConfigureAwait(false);
        return new TicketActor(person?.Key ?? caller.PersonKey ?? caller.UserId, person?.Name ?? caller.Name, caller.UserId);
    }

    /// <summary>The departments the person looks after (as liaison or backup); every department for administrators.</summary>
    public async Task<IReadOnlyList<Department>> DepartmentsOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        var all = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        if (caller.Has(Role.Administrator))
        {
            return all;
        }
        var key = (await PersonOfAsync(caller, cancellationToken).ConfigureAwait(false))?.Key;
        return key is null ? [] : [.. all.Where(d => Same(key, d.LiaisonKey) || Same(key, d.BackupKey))];
    }

    /// <summary>IT for this ticket: an administrator, its assignee or claimer, or its department's liaison or backup.</summary>
    public async Task<bool> MayHandleAsync(TicketViewer viewer, Ticket ticket, CancellationToken cancellationToken)
    {
        if (viewer.Administrator)
        {
            return true;
        }
        if (viewer.PersonKey is not { } key)
        {
            return false;
        }
        if (Same(key, ticket.AssigneeKey) || Same(key, ticket.ClaimedByKey))
        {
            return true;
        }
        var department = await DepartmentAsync(ticket.DepartmentCode, cancellationToken).ConfigureAwait(false);
        return department is not null && (Same(key, department.LiaisonKey) || Same(key, department.BackupKey));
    }

    /// <summary>The caller as someone looking at a ticket card.</summary>
    public async Task<TicketViewer> ViewerAsync(Caller caller, CancellationToken cancellationToken) =>
        new((await PersonOfAsync(caller, cancellationToken).ConfigureAwait(false))?.Key, caller.Has(Role.Administrator));

    /// <summary>The recipient of a card as someone looking at it, by directory entry or Teams user id.</summary>
    public async Task<TicketViewer> ViewerAsync(string? personKey, string userId, CancellationToken cancellationToken)
    {
        var person = (personKey is null ? null : await directory.FindAsync(personKey, cancellationToken).ConfigureAwait(false))
            ?? await directory.FindByUserIdAsync(userId, cancellationToken).ConfigureAwait(false);
        var key = person?.Key ?? personKey;
        var administrators = await directory.ListAdministratorsAsync(cancellationToken).ConfigureAwait(false);
        return new(key, administrators.Any(a => Same(a.Key, key) || (a.UserId is not null && a.UserId == userId)));
    }

    public static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
