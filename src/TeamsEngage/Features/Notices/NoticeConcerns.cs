using TeamsEngage.Storage;

namespace TeamsEngage.Features.Notices;

/// <summary>What a recipient said worries them about a notice, with who they are as the directory knew them then.</summary>
public sealed record NoticeConcern(string NoticeId, string UserId, string? PersonKey, string? Name, string? DepartmentCode, string? DepartmentName, string Text, DateTimeOffset At);

/// <summary>
/// Concerns (partition = notice, row = Teams user id): one per person and notice, a later one replacing the earlier,
/// so the author reads what the person thinks now and the count is of people.
/// </summary>
public sealed class NoticeConcerns(ITableStore store)
{
    public const string TableName = "NoticeConcerns";
    public const int MaxText = 1000;

    private readonly IStoreTable _table = store.Table(TableName);

    public Task SaveAsync(NoticeConcern concern, CancellationToken cancellationToken) =>
        _table.UpsertAsync(new StoreEntity(StoreKey.Escape(concern.NoticeId), StoreKey.Escape(concern.UserId), new Dictionary<string, object?>
        {
            ["PersonKey"] = concern.PersonKey,
            ["Name"] = concern.Name,
            ["DepartmentCode"] = concern.DepartmentCode,
            ["DepartmentName"] = concern.DepartmentName,
            ["Text"] = concern.Text,
            ["At"] = concern.At,
        }.Where(p => p.Value is not null).ToDictionary()), cancellationToken);

    public async Task<NoticeConcern?> FindAsync(string noticeId, string userId, CancellationToken cancellationToken) =>
        await _table.GetAsync(StoreKey.Escape(noticeId), StoreKey.Escape(userId), cancellationToken).ConfigureAwait(false) is { } row ? ToConcern(row) : null;

    /// <summary>Every concern about a notice, newest first.</summary>
    public async Task<IReadOnlyList<NoticeConcern>> ListAsync(string noticeId, CancellationToken cancellationToken) =>
        [.. (await _table.QueryAllAsync(StoreKey.Escape(noticeId), cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(ToConcern).OrderByDescending(c => c.At)];

    private static NoticeConcern ToConcern(StoreEntity e) => new(
        StoreKey.Unescape(e.PartitionKey), StoreKey.Unescape(e.RowKey), e.GetString("PersonKey"), e.GetString("Name"),
        e.GetString("DepartmentCode"), e.GetString("DepartmentName"), e.GetString("Text") ?? string.Empty, e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
}
