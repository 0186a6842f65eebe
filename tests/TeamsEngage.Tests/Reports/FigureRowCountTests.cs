using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Reporting;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Reports;

/// <summary>
/// What a page over a long period has to read: a quiet day's value is one stored row, however many events it counted,
/// so a year of tickets is a few dozen rows a day and not sixteen times that.
/// </summary>
public sealed class FigureRowCountTests
{
    [Fact]
    public async Task TicketsReportedOneAfterAnotherAreCountedInOneStoredRowPerDayAndValue()
    {
        await using var bot = await StartAsync();

        for (var i = 0; i < 12; i++)
        {
            await bot.ReportAsync(Ana, $"Printer {i} jams", formActivityId: $"17000000020{i:D2}");
        }

        var rows = await StoredRowsAsync(bot, TicketCounters.Area);
        // The raw rows, shards and all: the district, Science, no service, and the urgency each hold one row for today.
        Assert.Equal(["all|all", "dept|SCI", "service|-", "urgency|StoppingClass"], rows.Select(r => r.Kind + "|" + r.Value).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(12, r[TicketCounters.Opened]));
    }

    [Fact]
    public async Task TicketsReportedAtOnceAreStillEachCountedOnceWhenTheyShareTheRows()
    {
        await using var bot = await StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => bot.ReportAsync(Ana, $"Screen {i} flickers", formActivityId: $"17000000030{i:D2}")));

        var rows = await StoredRowsAsync(bot, TicketCounters.Area);
        Assert.Equal(12, rows.Where(r => r.Kind == "all").Sum(r => r[TicketCounters.Opened]));
        Assert.Equal(12, rows.Where(r => r.Kind == "dept" && r.Value == "SCI").Sum(r => r[TicketCounters.Opened]));
        Assert.InRange(rows.Count(r => r.Kind == "all"), 1, FigureStore.Shards);
    }

    [Fact]
    public async Task AMonthOverForTwoDaysIsReadFromTheStoreOnceAndTheCurrentMonthAtEveryRead()
    {
        using var folder = new Testing.Storage.TemporaryDirectory();
        using var sqlite = new Storage.Sqlite.SqliteTableStore(folder.Path);
        await sqlite.InitializeAsync([FigureStore.TableName]);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 20, 15, 0, 0, TimeSpan.Zero));
        using var pending = new PendingFigures();
        using var figures = new FigureStore(sqlite, pending, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<FigureStore>.Instance);
        using var home = Fixtures.InHomeTenant();
        await figures.RecordAsync(Opened(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        await figures.RecordAsync(Opened(new DateTimeOffset(2026, 4, 30, 23, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        var first = await OpenedAsync(figures);
        var readsBefore = figures.StoreReads;
        var second = await OpenedAsync(figures);
        var readsOfSecond = figures.StoreReads - readsBefore;
        await figures.RecordAsync(Opened(clock.GetUtcNow()), CancellationToken.None);
        var third = await OpenedAsync(figures);

        Assert.Equal(2, first);
        Assert.Equal(2, second);
        Assert.Equal(1, readsOfSecond);
        Assert.Equal(3, third);
    }

    [Fact]
    public async Task AMonthEndedYesterdayIsStillReadFromTheStoreSoAFigureCountedLateIsSeen()
    {
        using var folder = new Testing.Storage.TemporaryDirectory();
        using var sqlite = new Storage.Sqlite.SqliteTableStore(folder.Path);
        await sqlite.InitializeAsync([FigureStore.TableName]);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        using var pending = new PendingFigures();
        using var figures = new FigureStore(sqlite, pending, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<FigureStore>.Instance);
        using var home = Fixtures.InHomeTenant();
        await figures.RecordAsync(Opened(new DateTimeOffset(2026, 4, 30, 23, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        var before = await OpenedAsync(figures);
        await figures.RecordAsync(Opened(new DateTimeOffset(2026, 4, 30, 23, 59, 0, TimeSpan.Zero)), CancellationToken.None);
        var after = await OpenedAsync(figures);

        Assert.Equal(1, before);
        Assert.Equal(2, after);
    }

    private static Figure Opened(DateTimeOffset at) => new(TicketCounters.Area, TicketCounters.Opened, at, [new FigureDimension("dept", "SCI")]);

    private static async Task<long> OpenedAsync(FigureStore figures) =>
        (await figures.ReadAsync(TicketCounters.Area, new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31), CancellationToken.None))
            .Where(r => r.Kind == "all").Sum(r => r[TicketCounters.Opened]);

    /// <summary>Today's stored rows of <paramref name="area"/> as they are in the store, one per shard, not added up.</summary>
    private static async Task<List<FigureRow>> StoredRowsAsync(BotApplication bot, string area)
    {
        using var home = Fixtures.InHomeTenant();
        var today = DateTime.UtcNow;
        var partition = area + "|" + today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var table = bot.Services.GetRequiredService<ITableStore>().Table(FigureStore.TableName);
        var rows = new List<FigureRow>();
        await foreach (var entity in table.QueryAllAsync(partition, day, day + "|~"))
        {
            rows.Add(FigureRow.From(entity)!);
        }
        return rows;
    }
}
