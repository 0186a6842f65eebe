using TeamsEngage.Storage;

namespace TeamsEngage.Features.Directory;

/// <summary>Remembers which 1:1 chats were welcomed. The insert is the lock: of two racing installs, one wins.</summary>
public sealed class WelcomeLedger(ITableStore store, TimeProvider clock)
{
    public const string TableName = "Welcomes";

    private readonly IStoreTable _table = store.Table(TableName);

    /// <summary>True for the first caller for a conversation; false for every later one.</summary>
    public async Task<bool> TryClaimAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.InsertAsync(new StoreEntity(StoreKey.Escape(conversationId), "welcome", new Dictionary<string, object?>
            {
                ["WelcomedAt"] = clock.GetUtcNow(),
            }), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }
}
