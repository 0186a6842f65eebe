using System.Text.Json;
using Microsoft.Extensions.Options;
using TeamsEngage.Storage;

namespace TeamsEngage.Calendar;

/// <summary>
/// The tenant's calendar: one row of the tenant-scoped calendar table, read and changed with its ETag. A tenant that
/// never set one reads the configured default.
/// </summary>
public sealed class CalendarStore(ITableStore store, IOptions<CalendarOptions> options)
{
    public const string TableName = "calendar";
    private const string Partition = "calendar";
    private const string Row = "school";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IStoreTable Table => store.Table(TableName);

    /// <summary>The calendar in force for the current tenant.</summary>
    public async Task<SchoolCalendar> GetAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).Calendar;

    /// <summary>Read, decide, write with the ETag; the decision sees the calendar in force (the default when none is stored).</summary>
    public async Task<UpdateResult<StoredCalendar, SchoolCalendar>> ChangeAsync(Func<SchoolCalendar, Decision<SchoolCalendar>> decide, CancellationToken cancellationToken) =>
        await OptimisticUpdate.ApplyAsync<StoredCalendar, SchoolCalendar>(
            async ct => await ReadAsync(ct).ConfigureAwait(false),
            current => decide(current.Calendar),
            async (current, changed, ct) => await WriteAsync(current.ETag, changed, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

    private async Task<StoredCalendar> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await Table.GetAsync(Partition, Row, cancellationToken).ConfigureAwait(false);
        var json = row?.GetString("Body");
        var calendar = json is null ? null : JsonSerializer.Deserialize<SchoolCalendar>(json, Json);
        return new StoredCalendar(calendar ?? Default(), row?.ETag);
    }

    private async Task<StoredCalendar> WriteAsync(string? eTag, SchoolCalendar calendar, CancellationToken cancellationToken)
    {
        var row = new StoreEntity(Partition, Row, new Dictionary<string, object?> { ["Body"] = JsonSerializer.Serialize(calendar, Json) }, eTag);
        var written = eTag is null
            ? await Table.InsertAsync(row, cancellationToken).ConfigureAwait(false)
            : await Table.UpdateAsync(row, cancellationToken).ConfigureAwait(false);
        return new StoredCalendar(calendar, written.ETag);
    }

    private SchoolCalendar Default() =>
        options.Value.ToCalendar() ?? throw new InvalidOperationException("The calendar settings were validated at start-up.");
}

/// <summary>A calendar as stored, with the ETag it was read with (null when the tenant has none yet).</summary>
public sealed record StoredCalendar(SchoolCalendar Calendar, string? ETag);
