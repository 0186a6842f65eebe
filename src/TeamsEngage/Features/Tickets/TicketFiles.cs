using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsEngage.Links;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Tickets;

/// <summary>A picture kept with a ticket: its number on the ticket (1, 2, …), name, checked image type and size.</summary>
public sealed record TicketFile(string TicketId, int Number, string Name, string ContentType, int Size, DateTimeOffset AddedAt);

/// <summary>
/// Pictures kept with a ticket, in the ticket's own partition (so they go when the ticket's retention ends): a head row
/// <c>f01</c> and the bytes in rows <c>f01|{upload}|000</c>, <c>f01|{upload}|001</c>, … of at most <see cref="ChunkBytes"/> each. Only
/// a liaison's card links to them, through a signed link that names the district and expires.
/// </summary>
public sealed class TicketFiles(ITableStore store, SignedLinks links, IOptions<TicketsOptions> options)
{
    /// <summary>The most pictures one ticket keeps.</summary>
    public const int MaxPerTicket = 5;

    private const int ChunkBytes = 48 * 1024;
    private readonly IStoreTable _tickets = store.Table(TicketStore.TableName);

    /// <summary>The pictures of a ticket, in the order they were added.</summary>
    public async Task<IReadOnlyList<TicketFile>> ListAsync(string ticketId, CancellationToken cancellationToken) =>
        await _tickets.QueryAllAsync(ticketId, "f", "f~", cancellationToken: cancellationToken)
            .Where(row => !row.RowKey.Contains('|', StringComparison.Ordinal))
            .Select(row => FromHead(ticketId, row))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Keeps a picture with the ticket; null when the ticket keeps <see cref="MaxPerTicket"/> already.</summary>
    /// <remarks>
    /// The bytes go under rows of their own upload (<c>f01|{upload}|000</c>) and the head, inserted last, names that
    /// upload: two pictures sent at once never write over each other's bytes, and the one whose head loses the number
    /// takes the next one.
    /// </remarks>
    public async Task<TicketFile?> AddAsync(string ticketId, string name, string contentType, byte[] bytes, string addedByUserId, string? addedByKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var upload = Guid.NewGuid().ToString("N")[..12];
        var chunks = (bytes.Length + ChunkBytes - 1) / ChunkBytes;
        while (true)
        {
            var number = (await ListAsync(ticketId, cancellationToken).ConfigureAwait(false)).Count + 1;
            if (number > MaxPerTicket)
            {
                return null;
            }
            var parts = Head(number) + "|" + upload + "|";
            for (var i = 0; i < chunks; i++)
            {
                var part = bytes.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - (i * ChunkBytes))).ToArray();
                await _tickets.UpsertAsync(new StoreEntity(ticketId, parts + i.ToString("D3", CultureInfo.InvariantCulture), Who(addedByUserId, addedByKey, new() { ["Bytes"] = part })), cancellationToken).ConfigureAwait(false);
            }
            try
            {
                await _tickets.InsertAsync(new StoreEntity(ticketId, Head(number), Who(addedByUserId, addedByKey, new()
                {
                    ["Name"] = name, ["ContentType"] = contentType, ["Size"] = bytes.Length, ["Chunks"] = chunks, ["AddedAt"] = at, ["Upload"] = upload,
                })), cancellationToken).ConfigureAwait(false);
                return new TicketFile(ticketId, number, name, contentType, bytes.Length, at);
            }
            catch (StoreConflictException)
            {
                // Another picture took this number meanwhile: its bytes are under its own upload; ours move on.
                for (var i = 0; i < chunks; i++)
                {
                    await _tickets.DeleteAsync(ticketId, parts + i.ToString("D3", CultureInfo.InvariantCulture), null, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>A picture and its bytes; null when the ticket has no picture with that number.</summary>
    public async Task<(TicketFile File, byte[] Bytes)?> ReadAsync(string ticketId, int number, CancellationToken cancellationToken)
    {
        if (number is < 1 or > MaxPerTicket || await _tickets.GetAsync(ticketId, Head(number), cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return null;
        }
        var file = FromHead(ticketId, row);
        var parts = Head(number) + "|" + row.GetString("Upload") + "|";
        var bytes = new List<byte>(file.Size);
        await foreach (var chunk in _tickets.QueryAllAsync(ticketId, parts, parts + "~", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            bytes.AddRange(chunk.GetBinary("Bytes") ?? []);
        }
        return bytes.Count == file.Size ? (file, bytes.ToArray()) : null;
    }

    /// <summary>The picture's signed link, valid for <see cref="TicketsOptions.FileLinkLifetime"/>.</summary>
    public Task<Uri> LinkAsync(string ticketId, int number, CancellationToken cancellationToken) =>
        links.CreateAsync(LinkPath(ticketId, number), [new("tenant", TenantScope.Require("a picture's link"))], options.Value.FileLinkLifetime, cancellationToken);

    /// <summary>The link's district when its signature is right and it has not expired; otherwise null.</summary>
    public async Task<string?> ValidTenantAsync(string ticketId, int number, string? tenant, string? exp, string? sig, CancellationToken cancellationToken) =>
        TenantScope.Normalize(tenant) is { } tenantId
            && await links.IsValidAsync(LinkPath(ticketId, number), [new("tenant", tenantId)], exp, sig, cancellationToken).ConfigureAwait(false)
            ? tenantId
            : null;

    public static string LinkPath(string ticketId, int number) =>
        $"/tickets/{Uri.EscapeDataString(ticketId)}/files/{number.ToString(CultureInfo.InvariantCulture)}";

    private static string Head(int number) => "f" + number.ToString("D2", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Who(string userId, string? key, Dictionary<string, object?> values)
    {
        values["AddedByUserId"] = userId;
        values["AddedByKey"] = key;
        return values;
    }

    private static TicketFile FromHead(string ticketId, StoreEntity row) => new(
        ticketId,
        int.Parse(row.RowKey[1..], CultureInfo.InvariantCulture),
        row.GetString("Name") ?? string.Empty,
        row.GetString("ContentType") ?? "application/octet-stream",
        row.GetInt32("Size") ?? 0,
        row.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue);
}
