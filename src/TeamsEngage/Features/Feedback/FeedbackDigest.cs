using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Feedback;

/// <summary>A "you said, we did" digest: what the administrator wrote, to whom, and the changes it covers (up to <paramref name="CoveredUntil"/>).</summary>
public sealed record Digest(string Id, string Title, string Text, Audience Audience, DateTimeOffset CoveredUntil, bool Sent = false, DateTimeOffset? SentAt = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ETag { get; init; }
}

/// <summary>The digest composer's inputs, and the moment its pre-filled changes were read (so the next digest starts there).</summary>
public sealed record DigestForm(
    [property: StringLength(200)] string? Title = null,
    [property: StringLength(4000)] string? Text = null,
    [property: StringLength(20)] string? Audience = null,
    [property: StringLength(500)] string? Departments = null,
    string? CoveredUntil = null,
    [property: StringLength(40)] string? DigestId = null);

/// <summary>A button naming a digest.</summary>
public sealed record DigestRef([property: Required, StringLength(40)] string? DigestId);

/// <summary>Outbox payload of a digest.</summary>
public sealed record DigestPayload(string DigestId);

/// <summary>A digest's audience, as the administrator chose it.</summary>
public sealed record DigestAudienceSpec(Audience Audience);

/// <summary>Digests (partition <c>digest</c> of the feedback table) and the end of what the last sent one covered.</summary>
public sealed class DigestStore(ITableStore store)
{
    private const string Partition = "digest";
    private const string LastRow = "~last";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IStoreTable _table = store.Table(FeedbackStore.ItemsTable);

    public static string NewId() => "D-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));

    public async Task<Digest?> FindAsync(string id, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(id) || id == LastRow ? null
            : await _table.GetAsync(Partition, StoreKey.Escape(id), cancellationToken).ConfigureAwait(false) is { } e ? Read(e) : null;

    public Task InsertAsync(Digest digest, CancellationToken cancellationToken) => _table.InsertAsync(Entity(digest), cancellationToken);

    public Task<UpdateResult<Digest, Digest>> UpdateAsync(string id, Func<Digest, Decision<Digest>> decide, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync(
            ct => FindAsync(id, ct),
            decide,
            async (current, changed, ct) => changed with { ETag = (await _table.UpdateAsync(Entity(changed with { ETag = current.ETag }), ct).ConfigureAwait(false)).ETag },
            cancellationToken);

    /// <summary>The end of what the last sent digest covered; null before the first.</summary>
    public async Task<(DateTimeOffset? Until, string? DigestId)> LastAsync(CancellationToken cancellationToken) =>
        await _table.GetAsync(Partition, LastRow, cancellationToken).ConfigureAwait(false) is { } e ? (e.GetDateTimeOffset("Until"), e.GetString("DigestId")) : (null, null);

    /// <summary>Records a sent digest as the last one, unless a later one already is.</summary>
    public Task SetLastAsync(Digest sent, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync(
            async ct => await _table.GetAsync(Partition, LastRow, ct).ConfigureAwait(false) ?? new StoreEntity(Partition, LastRow, new Dictionary<string, object?>()),
            e => e.GetDateTimeOffset("Until") is { } until && until >= sent.CoveredUntil
                ? Decision.Keep<StoreEntity>()
                : Decision.Write(e with { Properties = new Dictionary<string, object?> { ["Until"] = sent.CoveredUntil, ["DigestId"] = sent.Id } }),
            async (current, changed, ct) => current.ETag is null ? await _table.InsertAsync(changed, ct).ConfigureAwait(false) : await _table.UpdateAsync(changed, ct).ConfigureAwait(false),
            cancellationToken);

    private static StoreEntity Entity(Digest digest) => new(Partition, StoreKey.Escape(digest.Id), new Dictionary<string, object?> { ["Json"] = JsonSerializer.Serialize(digest, Json) }, digest.ETag);

    private static Digest Read(StoreEntity e) =>
        (JsonSerializer.Deserialize<Digest>(e.GetString("Json") ?? "null", Json) ?? throw new InvalidDataException($"Digest row {e.RowKey} is empty.")) with { ETag = e.ETag };
}

/// <summary>Resolves a digest's audience from the directory, page by page, for the outbox's writer.</summary>
public sealed class DigestAudience(IPeopleDirectory directory, TeamsEngage.Calendar.QuietHours quiet) : IBroadcastAudience
{
    public string Kind => FeedbackOutboxKinds.DigestAudience;

    public Task<int> CountAsync(string spec, CancellationToken cancellationToken) => directory.CountAsync(Read(spec), cancellationToken);

    // A digest is routine: it waits for its recipients' quiet hours.
    public async Task<BroadcastPage> NextAsync(string spec, string? afterPersonKey, int max, CancellationToken cancellationToken) =>
        await directory.PageAsync(Read(spec), afterPersonKey, max, await quiet.PlanAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public Task WrittenAsync(string spec, BroadcastProgress totals, CancellationToken cancellationToken) => Task.CompletedTask;

    // An unreadable spec must stop the writer, never widen the audience.
    private static Audience Read(string spec) =>
        OutboxPayload.Deserialize<DigestAudienceSpec>(spec)?.Audience ?? throw new InvalidOperationException("A digest's audience spec cannot be read.");
}

/// <summary>Renders a digest for one recipient: the administrator's words, with the heading in the recipient's language.</summary>
public sealed class DigestRenderer(DigestStore digests, IPeopleDirectory directory) : OutboxRenderer<DigestPayload>
{
    public override string Kind => FeedbackOutboxKinds.Digest;

    protected override async Task<RenderedMessage?> RenderAsync(DigestPayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        if (await digests.FindAsync(payload.DigestId, cancellationToken).ConfigureAwait(false) is not { Sent: true } digest)
        {
            return null;
        }
        var texts = await directory.TextsForAsync(context.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        return new RenderedMessage(DigestCards.Digest(texts, digest), null, digest.Title);
    }
}
