using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Anonymity;

/// <summary>
/// What each person was asked (partition = person key, row = poll or survey id), for the survey-fatigue cap shared by
/// polls and surveys: at most <see cref="AnonymityOptions.MaxPerPersonPerWeek"/> of them together in any 7 days.
/// </summary>
public sealed class AskLedger(ITableStore store, IOptions<AnonymityOptions> options)
{
    // The table keeps the name it had when it counted polls alone, so ledgers already written keep counting.
    public const string TableName = "PollLedger";

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly IStoreTable _table = store.Table(TableName);

    /// <summary>Whether the person may be asked again at <paramref name="now"/> (a question already recorded for them does not count twice).</summary>
    public async Task<bool> MayReceiveAsync(string personKey, string askId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = 0;
        await foreach (var row in _table.QueryAllAsync(StoreKey.Escape(personKey), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == askId)
            {
                return true;
            }
            if (row.GetDateTimeOffset("SentAt") is { } sentAt && now - sentAt < Week)
            {
                recent++;
            }
        }
        return recent < options.Value.MaxPerPersonPerWeek;
    }

    /// <summary>Records that the person was asked.</summary>
    public Task RecordAsync(string personKey, string askId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.UpsertAsync(new StoreEntity(StoreKey.Escape(personKey), askId, new Dictionary<string, object?> { ["SentAt"] = now.ToUniversalTime() }), cancellationToken);
}
