using System.Globalization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// Tickets as personal data. An erasure keeps the tickets a person reported for the department's records, with the
/// reporter (and any other mention of them: claimer, assignee, history) anonymised, and removes their cards and index
/// rows. The retention purge removes tickets resolved longer ago than the configured period, with their history.
/// </summary>
public sealed class TicketPersonalData(ITableStore store) : IPersonalData, IRetainedData
{
    /// <summary>What an erased person is called on the tickets kept for the department's records.</summary>
    public const string FormerStaff = "Former staff member";

    private readonly IStoreTable _tickets = store.Table(TicketStore.TableName);
    private readonly IStoreTable _index = store.Table(TicketStore.IndexTableName);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        await foreach (var row in _tickets.ScanAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == "ticket" && Reported(TicketMapping.FromEntity(row), subject) is { } t)
            {
                records.Add(new Dictionary<string, string?>
                {
                    ["ticket"] = t.Id, ["department"] = t.DepartmentCode, ["description"] = t.Description, ["location"] = t.Location,
                    ["urgency"] = t.Urgency.ToString(), ["status"] = t.Status.ToString(), ["createdAt"] = Time(t.CreatedAt),
                    ["resolvedAt"] = t.ResolvedAt is { } r ? Time(r) : null, ["rating"] = t.Rating?.ToString(CultureInfo.InvariantCulture),
                });
            }
            else if (AddedBy(row, subject) && !row.RowKey.Contains('|', StringComparison.Ordinal))
            {
                records.Add(new Dictionary<string, string?>
                {
                    ["ticket"] = row.PartitionKey, ["picture"] = row.GetString("Name"), ["type"] = row.GetString("ContentType"),
                    ["bytes"] = row.GetInt32("Size")?.ToString(CultureInfo.InvariantCulture), ["at"] = row.GetDateTimeOffset("AddedAt") is { } at ? Time(at) : null,
                });
            }
            else if (row.RowKey.StartsWith('h') && row.GetString("ActorKey") == subject.PersonKey)
            {
                var e = TicketMapping.EventFromEntity(row);
                records.Add(new Dictionary<string, string?> { ["ticket"] = e.TicketId, ["event"] = e.Kind.ToString(), ["at"] = Time(e.At), ["text"] = e.Text });
            }
        }
        return new PersonalDataSection("tickets", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var changed = 0;
        var rows = await _tickets.ScanAllAsync(cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var replacement = row.RowKey switch
            {
                "ticket" => Anonymised(TicketMapping.FromEntity(row), subject) is { } t ? TicketMapping.ToEntity(t) : null,
                _ when row.RowKey.StartsWith('h') && row.GetString("ActorKey") == subject.PersonKey =>
                    TicketMapping.ToEntity(TicketMapping.EventFromEntity(row) with { ActorKey = null, ActorName = FormerStaff }),
                _ => null,
            };
            if (replacement is not null)
            {
                await _tickets.UpsertAsync(replacement, cancellationToken).ConfigureAwait(false);
                changed++;
            }
            else if ((row.RowKey.StartsWith('c') && subject.HasUserId(row.GetString("RecipientUserId"))) || AddedBy(row, subject))
            {
                // A card sent to the person, or a picture they added (a picture of their screen is theirs).
                changed += await DeleteAsync(_tickets, row, cancellationToken).ConfigureAwait(false);
            }
        }
        return changed + await EraseIndexAsync(subject, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var before = now - retention.ClosedTickets;
        var expired = await _tickets.ScanAllAsync(cancellationToken)
            .Where(r => r.RowKey == "ticket")
            .Select(TicketMapping.FromEntity)
            .Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt is { } resolved && resolved < before)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var ticket in expired)
        {
            await foreach (var row in _tickets.QueryAllAsync(ticket.Id, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                removed += await DeleteAsync(_tickets, row, cancellationToken).ConfigureAwait(false);
            }
            if (ticket.ReporterUserId.Length > 0)
            {
                await DeleteAsync(_index, new StoreEntity("r-" + StoreKey.Escape(ticket.ReporterUserId), ticket.Id, new Dictionary<string, object?>()), cancellationToken).ConfigureAwait(false);
            }
        }
        return removed;
    }

    /// <summary>A picture's row (its head or a part of its bytes) added by the person.</summary>
    private static bool AddedBy(StoreEntity row, DataSubject subject) =>
        row.RowKey.StartsWith('f')
        && ((subject.PersonKey is not null && row.GetString("AddedByKey") == subject.PersonKey) || subject.HasUserId(row.GetString("AddedByUserId")));

    private static Ticket? Reported(Ticket ticket, DataSubject subject) =>
        ticket.ReporterKey == subject.PersonKey || subject.HasUserId(ticket.ReporterUserId) ? ticket : null;

    /// <summary>The ticket with every mention of the person replaced; null when it does not mention them.</summary>
    private static Ticket? Anonymised(Ticket ticket, DataSubject subject)
    {
        var t = ticket;
        if (Reported(t, subject) is not null)
        {
            t = t with { ReporterUserId = string.Empty, ReporterKey = null, ReporterName = FormerStaff };
        }
        if (t.AssigneeKey == subject.PersonKey)
        {
            t = t with { AssigneeKey = null, AssigneeName = FormerStaff };
        }
        if (t.ClaimedByKey == subject.PersonKey || subject.HasUserId(t.ClaimedByUserId))
        {
            t = t with { ClaimedByKey = null, ClaimedByUserId = null, ClaimedByName = FormerStaff };
        }
        return t == ticket ? null : t with { ETag = null };
    }

    /// <summary>The person's reporter index and the form locks of their chats.</summary>
    private async Task<int> EraseIndexAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var partitions = subject.UserIds.Select(u => "r-" + StoreKey.Escape(u)).Concat(subject.ConversationIds.Select(c => "f-" + StoreKey.Escape(c)));
        var removed = 0;
        foreach (var partition in partitions)
        {
            foreach (var row in await _index.QueryAllAsync(partition, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                removed += await DeleteAsync(_index, row, cancellationToken).ConfigureAwait(false);
            }
        }
        return removed;
    }

    private static async Task<int> DeleteAsync(IStoreTable table, StoreEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteAsync(row.PartitionKey, row.RowKey, null, cancellationToken).ConfigureAwait(false);
            return 1;
        }
        catch (StoreNotFoundException)
        {
            return 0;
        }
    }

    private static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
