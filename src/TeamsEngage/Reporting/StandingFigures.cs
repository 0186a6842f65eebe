using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.Reporting;

/// <summary>
/// Figures that stand rather than happen (how many open tickets a liaison holds now): one row per value in the figures'
/// table, partition <c>standing|{area}</c>, row <c>{kind}|{value}</c>, moved up and down as events happen, by read, add,
/// write with the read ETag, so concurrent changes all count. A page reads a row per value, never the events.
/// </summary>
public sealed partial class StandingFigures(ITableStore store, ILogger<StandingFigures> logger)
{
    private const int MaxAttempts = 200;
    private readonly IStoreTable _table = store.Table(FigureStore.TableName);

    /// <summary>Adds <paramref name="amount"/> (negative to take away) to <paramref name="counter"/> of the value. A store fault is logged, never thrown.</summary>
    public async Task AddAsync(string area, FigureDimension dimension, string counter, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        var partition = PartitionOf(area);
        var row = dimension.Kind + "|" + StoreKey.Escape(dimension.Value);
        try
        {
            var result = await OptimisticUpdate.ApplyAsync(
                async ct => new Row(await _table.GetAsync(partition, row, ct).ConfigureAwait(false)),
                _ => Decision.Write(true),
                async (current, _, ct) =>
                {
                    var properties = current.Entity is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(current.Entity.Properties);
                    properties[counter] = (properties.TryGetValue(counter, out var value) ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0L) + amount;
                    var entity = new StoreEntity(partition, row, properties, current.Entity?.ETag);
                    return new Row(current.Entity is null
                        ? await _table.InsertAsync(entity, ct).ConfigureAwait(false)
                        : await _table.UpdateAsync(entity, ct).ConfigureAwait(false));
                },
                cancellationToken,
                MaxAttempts).ConfigureAwait(false);
            if (!result.Written)
            {
                LogLost(logger, area, counter, null);
            }
        }
        catch (StoreException e)
        {
            LogLost(logger, area, counter, e);
        }
    }

    /// <summary>Every value of <paramref name="kind"/> in <paramref name="area"/>, with its counters.</summary>
    public async Task<IReadOnlyDictionary<string, FigureRow>> ReadAsync(string area, string kind, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, FigureRow>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAllAsync(PartitionOf(area), kind + "|", kind + "|~", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var value = StoreKey.Unescape(entity.RowKey[(kind.Length + 1)..]);
            var counts = entity.Properties.Where(p => p.Value is int or long)
                .ToDictionary(p => p.Key, p => Convert.ToInt64(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
            rows[value] = new FigureRow(today, kind, value, counts);
        }
        return rows;
    }

    private static string PartitionOf(string area) => "standing|" + area;

    private sealed record Row(StoreEntity? Entity);

    [LoggerMessage(Level = LogLevel.Error, Message = "A standing {Area} figure {Counter} could not be moved")]
    private static partial void LogLost(ILogger logger, string area, string counter, Exception? exception);
}
