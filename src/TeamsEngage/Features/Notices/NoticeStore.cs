using System.Text.Json;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// Notices (one partition: an administrator writes a handful a week), each stored as JSON with its state and send time
/// as columns. Every change is conditional on the ETag read, so two requests cannot both send, change or cancel a notice.
/// </summary>
public sealed class NoticeStore(ITableStore store)
{
    public const string TableName = "Notices";
    private const string Partition = "notice";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IStoreTable _table = store.Table(TableName);

    public async Task<Notice?> FindAsync(string noticeId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(noticeId))
        {
            return null;
        }
        var entity = await _table.GetAsync(Partition, StoreKey.Escape(noticeId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<Notice> InsertAsync(Notice notice, CancellationToken cancellationToken)
    {
        var written = await _table.InsertAsync(ToEntity(notice), cancellationToken).ConfigureAwait(false);
        return notice with { ETag = written.ETag };
    }

    /// <summary>
    /// Reads the notice, lets <paramref name="decide"/> choose its new version (or refuse with a resource key) and writes it
    /// conditionally on the ETag read; when another request wrote first, reads and decides again.
    /// </summary>
    public Task<UpdateResult<Notice, Notice>> UpdateAsync(string noticeId, Func<Notice, Decision<Notice>> decide, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync(
            ct => FindAsync(noticeId, ct),
            decide,
            async (current, changed, ct) =>
            {
                var written = await _table.UpdateAsync(ToEntity(changed with { ETag = current.ETag }), ct).ConfigureAwait(false);
                return changed with { ETag = written.ETag };
            },
            cancellationToken);

    /// <summary>Deletes the notice when <paramref name="decide"/> agrees on what it is now (conditional on its ETag).</summary>
    public Task<UpdateResult<Notice, Notice>> DeleteAsync(string noticeId, Func<Notice, Decision<Notice>> decide, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync(
            ct => FindAsync(noticeId, ct),
            decide,
            async (current, _, ct) =>
            {
                await _table.DeleteAsync(Partition, StoreKey.Escape(current.Id), current.ETag, ct).ConfigureAwait(false);
                return current;
            },
            cancellationToken);

    /// <summary>Every notice, oldest id first.</summary>
    public async IAsyncEnumerable<Notice> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _table.QueryAllAsync(Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    private static StoreEntity ToEntity(Notice notice) => new(Partition, StoreKey.Escape(notice.Id), new Dictionary<string, object?>
    {
        ["Author"] = notice.AuthorUserId,
        ["State"] = notice.State.ToString(),
        ["SendAt"] = notice.SendAt,
        ["Json"] = JsonSerializer.Serialize(notice, Json),
    }.Where(p => p.Value is not null).ToDictionary(), notice.ETag);

    private static Notice FromEntity(StoreEntity entity)
    {
        var json = entity.GetString("Json") ?? throw new InvalidDataException($"Notice row {entity.RowKey} has no content.");
        var notice = JsonSerializer.Deserialize<Notice>(json, Json) ?? throw new InvalidDataException($"Notice row {entity.RowKey} is empty.");
        return notice with { ETag = entity.ETag };
    }
}
