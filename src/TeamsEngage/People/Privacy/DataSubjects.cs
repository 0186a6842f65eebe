using TeamsEngage.Conversations;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>Resolves a person key to every id the store may know them by, and finds people for the privacy card.</summary>
public sealed class DataSubjects(PeopleDirectory directory, ITableStore store, ConversationReferenceStore references)
{
    private readonly IStoreTable _people = store.Table(PeopleRows.PeopleTable);

    /// <summary>The person's ids, or null when the directory does not know the key.</summary>
    public async Task<DataSubject?> FindAsync(string personKey, CancellationToken cancellationToken)
    {
        var record = await directory.FindRecordAsync(personKey, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }
        var userIds = new HashSet<string>(StringComparer.Ordinal);
        if ((record.Person.UserId ?? record.LeftUserId) is { } known)
        {
            userIds.Add(known);
        }
        // Index rows remember user ids the person row no longer carries (a merge, an older install).
        await foreach (var pointer in _people.QueryAllAsync(PeopleRows.Partition, "u|", "u}", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (pointer.GetString("Key") == personKey)
            {
                userIds.Add(StoreKey.Unescape(pointer.RowKey[2..]));
            }
        }
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        if (record.LeftConversationId is { } left)
        {
            conversations.Add(left);
        }
        foreach (var userId in userIds)
        {
            if (await references.FindOwnAsync(userId, cancellationToken).ConfigureAwait(false) is { } reference)
            {
                conversations.Add(reference.ConversationId);
            }
        }
        return new DataSubject(personKey, [.. userIds], [.. conversations], record.Person.Email);
    }

    /// <summary>People whose email or name contains <paramref name="query"/> (case-insensitive), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Person>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var text = query.Trim();
        return await directory.ListPeopleAsync(cancellationToken)
            .Where(p => (p.Email?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false) || (p.Name?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            .Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>People who left before <paramref name="before"/>: the retention sweep erases them.</summary>
    public async Task<IReadOnlyList<string>> ListLeftBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await directory.ListPeopleAsync(cancellationToken)
            .Where(p => p.LeftAt is { } left && left < before)
            .Select(p => p.Key)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
