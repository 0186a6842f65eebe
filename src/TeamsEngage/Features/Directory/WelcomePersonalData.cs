using System.Globalization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Directory;

/// <summary>The welcome ledger's rows of a person's 1:1 chats, for an export and an erasure.</summary>
public sealed class WelcomePersonalData(ITableStore store) : IPersonalData
{
    private const string Row = "welcome";

    private readonly IStoreTable _table = store.Table(WelcomeLedger.TableName);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var conversationId in subject.ConversationIds)
        {
            if (await _table.GetAsync(StoreKey.Escape(conversationId), Row, cancellationToken).ConfigureAwait(false) is { } row)
            {
                records.Add(new Dictionary<string, string?>
                {
                    ["conversationId"] = conversationId,
                    ["welcomedAt"] = row.GetDateTimeOffset("WelcomedAt")?.ToString("O", CultureInfo.InvariantCulture),
                });
            }
        }
        return new PersonalDataSection("welcome", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var removed = 0;
        foreach (var conversationId in subject.ConversationIds)
        {
            try
            {
                await _table.DeleteAsync(StoreKey.Escape(conversationId), Row, null, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (StoreNotFoundException)
            {
                // Never welcomed in that chat.
            }
        }
        return removed;
    }
}
