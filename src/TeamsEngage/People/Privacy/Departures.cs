using TeamsEngage.Conversations;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>
/// Someone removed the bot from their 1:1 chat: they are marked as left (the directory shows them unreachable, so
/// broadcasts record them unreachable), and their conversation reference is deleted, so the outbox can send them
/// nothing more, including rows already queued. Installing again brings them back through the first contact.
/// </summary>
public sealed class Departures(PeopleDirectory directory, ITableStore store, ConversationReferenceStore references, DirectoryAudit audit, TimeProvider clock)
{
    private readonly IStoreTable _people = store.Table(PeopleRows.PeopleTable);

    /// <summary>Records that the person behind <paramref name="userId"/> (and <paramref name="aadObjectId"/>, when Teams sent it) left.</summary>
    public async Task LeaveAsync(string userId, string? aadObjectId, string conversationId, CancellationToken cancellationToken)
    {
        await references.DeleteAsync(userId, cancellationToken).ConfigureAwait(false);
        var key = aadObjectId is { Length: > 0 } oid
            ? PeopleRows.KeyForObjectId(oid)
            : (await directory.FindByUserIdAsync(userId, cancellationToken).ConfigureAwait(false))?.Key;
        if (key is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var result = await OptimisticUpdate.ApplyAsync<PersonRecord, PersonRecord>(
            ct => directory.FindRecordAsync(key, ct),
            record => record.Person.LeftAt is not null
                ? Decision.Keep<PersonRecord>()
                : Decision.Write(record with
                {
                    Person = record.Person with { UserId = null, Installed = false, LeftAt = now },
                    LeftUserId = record.Person.UserId ?? userId,
                    LeftConversationId = conversationId,
                    UpdatedBy = key,
                    UpdatedAt = now,
                }),
            async (_, change, ct) => PeopleRows.ToPerson(await _people.UpdateAsync(PeopleRows.ToEntity(change), ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        if (result.Written)
        {
            await audit.RecordAsync(key, "person.left", key, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
