using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Tickets, one partition each: the ticket row, its history rows and the cards delivered for it. An index table lists
/// open tickets and each reporter's tickets; it is a pointer list, the ticket row stays the truth.
/// </summary>
public sealed class TicketStore(ITableStore store, TicketFigures figures)
{
    public const string TableName = "Tickets";
    public const string IndexTableName = "TicketIndex";
    private const string TicketRow = "ticket";
    private const string HistoryPrefix = "h";
    private const string CardPrefix = "c";
    private const string OpenPartition = "open";
    private const string LinkPartition = "link";

    private readonly IStoreTable _tickets = store.Table(TableName);
    private readonly IStoreTable _index = store.Table(IndexTableName);

    public async Task<Ticket?> FindAsync(string ticketId, CancellationToken cancellationToken)
    {
        if (!IsValidId(ticketId))
        {
            return null;
        }
        var entity = await _tickets.GetAsync(ticketId, TicketRow, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : TicketMapping.FromEntity(entity);
    }

    /// <summary>Stores a new ticket with its first history entry, then indexes it.</summary>
    public async Task<Ticket> CreateAsync(Ticket ticket, TicketEvent created, CancellationToken cancellationToken)
    {
        var written = await _tickets.SubmitBatchAsync(
        [
            new BatchOperation(BatchOperationKind.Insert, TicketMapping.ToEntity(ticket)),
            new BatchOperation(BatchOperationKind.Insert, TicketMapping.ToEntity(created)),
        ], cancellationToken).ConfigureAwait(false);
        await _index.UpsertAsync(IndexRow(OpenPartition, ticket.Id), cancellationToken).ConfigureAwait(false);
        await _index.UpsertAsync(IndexRow(ReporterPartition(ticket.ReporterUserId), ticket.Id), cancellationToken).ConfigureAwait(false);
        await figures.CountAsync(null, ticket, [created], CancellationToken.None).ConfigureAwait(false);
        return ticket with { ETag = written[0]!.ETag };
    }

    /// <summary>
    /// Replaces the ticket if nobody changed it since it was read, together with its new history entries (atomically).
    /// Throws <see cref="StorePreconditionFailedException"/> (inside a <see cref="StoreBatchException"/>) when it changed.
    /// </summary>
    /// <remarks><paramref name="before"/> is the ticket as it was read, so the figures can tell what moved.</remarks>
    public async Task<Ticket> UpdateAsync(Ticket ticket, IEnumerable<TicketEvent> events, CancellationToken cancellationToken, Ticket? before = null)
    {
        var history = events as IReadOnlyList<TicketEvent> ?? [.. events];
        var operations = new List<BatchOperation> { new(BatchOperationKind.Update, TicketMapping.ToEntity(ticket)) };
        operations.AddRange(history.Select(e => new BatchOperation(BatchOperationKind.Insert, TicketMapping.ToEntity(e))));
        var stored = await _tickets.SubmitBatchAsync(operations, cancellationToken).ConfigureAwait(false);
        if (ticket.IsOpen)
        {
            await _index.UpsertAsync(IndexRow(OpenPartition, ticket.Id), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await DeleteIfPresentAsync(OpenPartition, ticket.Id, cancellationToken).ConfigureAwait(false);
        }
        // Once stored, the change happened: its figures are counted even if the caller has gone.
        await figures.CountAsync(before, ticket, history, CancellationToken.None).ConfigureAwait(false);
        return ticket with { ETag = stored[0]!.ETag };
    }

    /// <summary>
    /// Reads the ticket, lets <paramref name="decide"/> choose, and writes the change with the ETag it was decided on;
    /// when someone else wrote first, decides again on what the ticket is now.
    /// </summary>
    public Task<UpdateResult<Ticket, TicketChange>> ChangeAsync(string ticketId, Func<Ticket, Decision<TicketChange>> decide, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync(
            ct => FindAsync(ticketId, ct),
            decide,
            (current, change, ct) => UpdateAsync(change.Ticket with { ETag = current.ETag }, change.Events, ct, current),
            cancellationToken);

    public async Task AddEventAsync(TicketEvent ticketEvent, CancellationToken cancellationToken) =>
        await _tickets.InsertAsync(TicketMapping.ToEntity(ticketEvent), cancellationToken).ConfigureAwait(false);

    public async Task<TicketEvent?> FindEventAsync(string ticketId, string rowKey, CancellationToken cancellationToken)
    {
        if (!IsValidId(ticketId) || !rowKey.StartsWith(HistoryPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var entity = await _tickets.GetAsync(ticketId, rowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : TicketMapping.EventFromEntity(entity);
    }

    /// <summary>Whether anything happened to the ticket after <paramref name="since"/> (history keys are time-ordered).</summary>
    public async Task<bool> ChangedSinceAsync(string ticketId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = HistoryPrefix + (since.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var page = await _tickets.QueryAsync(ticketId, from, HistoryPrefix + "~", pageSize: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        return page.Entities.Count > 0;
    }

    public async Task<IReadOnlyList<TicketEvent>> HistoryAsync(string ticketId, CancellationToken cancellationToken)
    {
        var events = new List<TicketEvent>();
        await foreach (var entity in _tickets.QueryAllAsync(ticketId, HistoryPrefix, HistoryPrefix + "~", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(TicketMapping.EventFromEntity(entity));
        }
        return events;
    }

    public Task SaveCardAsync(TicketCardRef card, CancellationToken cancellationToken) =>
        _tickets.UpsertAsync(TicketMapping.ToEntity(card, CardRow(card)), cancellationToken);

    public async Task<IReadOnlyList<TicketCardRef>> CardsAsync(string ticketId, CancellationToken cancellationToken)
    {
        var cards = new List<TicketCardRef>();
        await foreach (var entity in _tickets.QueryAllAsync(ticketId, CardPrefix, CardPrefix + "~", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            cards.Add(TicketMapping.CardFromEntity(ticketId, entity));
        }
        return cards;
    }

    /// <summary>Every open ticket (index rows whose ticket is gone or closed are skipped).</summary>
    public IAsyncEnumerable<Ticket> ListOpenAsync(CancellationToken cancellationToken) => Resolve(OpenPartition, t => t.IsOpen, cancellationToken);

    /// <summary>Every ticket a person reported.</summary>
    public IAsyncEnumerable<Ticket> ListByReporterAsync(string reporterUserId, CancellationToken cancellationToken) =>
        Resolve(ReporterPartition(reporterUserId), _ => true, cancellationToken);

    /// <summary>
    /// Takes the lock of one submitted form (its conversation and message), so pressing Send twice files one ticket.
    /// Returns null when this caller took it, else the ticket id filed by the first (empty while it is being filed).
    /// </summary>
    public async Task<string?> LockFormAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var row = new StoreEntity(FormPartition(conversationId), StoreKey.Escape(activityId), new Dictionary<string, object?>());
        try
        {
            await _index.InsertAsync(row, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (StoreConflictException)
        {
            var existing = await _index.GetAsync(row.PartitionKey, row.RowKey, cancellationToken).ConfigureAwait(false);
            return existing?.GetString("TicketId") ?? string.Empty;
        }
    }

    /// <summary>
    /// The ticket filed for <paramref name="source"/> (a feedback item): <paramref name="ticketId"/> when this call records
    /// it first, else the id recorded first, so a second press files nothing new.
    /// </summary>
    public async Task<string> LinkAsync(string source, string ticketId, CancellationToken cancellationToken)
    {
        var row = new StoreEntity(LinkPartition, StoreKey.Escape(source), new Dictionary<string, object?> { ["TicketId"] = ticketId });
        return (await _index.InsertOrGetAsync(row, cancellationToken).ConfigureAwait(false)).GetString("TicketId") ?? ticketId;
    }

    /// <summary>The ticket recorded for <paramref name="source"/>, or null.</summary>
    public async Task<string?> LinkedAsync(string source, CancellationToken cancellationToken) =>
        (await _index.GetAsync(LinkPartition, StoreKey.Escape(source), cancellationToken).ConfigureAwait(false))?.GetString("TicketId");

    /// <summary>Records which ticket a locked form filed, or releases the lock when nothing was filed.</summary>
    public async Task CompleteFormAsync(string conversationId, string activityId, string? ticketId, CancellationToken cancellationToken)
    {
        var partition = FormPartition(conversationId);
        if (ticketId is null)
        {
            await DeleteIfPresentAsync(partition, StoreKey.Escape(activityId), cancellationToken).ConfigureAwait(false);
            return;
        }
        await _index.UpsertAsync(new StoreEntity(partition, StoreKey.Escape(activityId), new Dictionary<string, object?> { ["TicketId"] = ticketId }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next history row key: time-ordered, unique.</summary>
    public static string NewEventKey(DateTimeOffset at) =>
        HistoryPrefix + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Ticket ids are CODE-0042: letters and digits, one dash. Anything else (forged data) is not looked up.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 2 and < 40 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private async IAsyncEnumerable<Ticket> Resolve(string partition, Func<Ticket, bool> keep, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _index.QueryAllAsync(partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (await FindAsync(row.RowKey, cancellationToken).ConfigureAwait(false) is { } ticket && keep(ticket))
            {
                yield return ticket;
            }
        }
    }

    private async Task DeleteIfPresentAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await _index.DeleteAsync(partition, row, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreNotFoundException)
        {
            // Already gone: another instance closed it first.
        }
    }

    private static StoreEntity IndexRow(string partition, string ticketId) => new(partition, ticketId, new Dictionary<string, object?>());

    private static string ReporterPartition(string userId) => "r-" + StoreKey.Escape(userId);

    private static string FormPartition(string conversationId) => "f-" + StoreKey.Escape(conversationId);

    private static string CardRow(TicketCardRef card) => CardPrefix + StoreKey.Escape(card.ConversationId) + "|" + StoreKey.Escape(card.ActivityId);
}
