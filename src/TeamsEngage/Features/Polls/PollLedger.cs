using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Polls;

/// <summary>
/// Which polls each person was sent (partition = person key, row = poll id), for the survey-fatigue cap:
/// at most <see cref="PollsOptions.MaxPerPersonPerWeek"/> polls in any 7 days.
/// </summary>
public sealed class PollLedger(ITableStore store, IOptions<PollsOptions> options)
{
    public const string TableName = "PollLedger";

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly IStoreTable _table = store.Table(TableName);

    /// <summary>Whether the person may be sent another poll at <paramref name="now"/> (a poll already recorded for them does not count twice).</summary>
    public async Task<bool> MayReceiveAsync(string personKey, string pollId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = 0;
        await foreach (var row in _table.QueryAllAsync(StoreKey.Escape(personKey), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == pollId)
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

    /// <summary>Records that the poll was sent to the person.</summary>
    public Task RecordAsync(string personKey, string pollId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.UpsertAsync(new StoreEntity(StoreKey.Escape(personKey), pollId, new Dictionary<string, object?> { ["SentAt"] = now.ToUniversalTime() }), cancellationToken);
}
