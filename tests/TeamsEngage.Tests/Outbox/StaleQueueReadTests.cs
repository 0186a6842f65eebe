using System.Collections.Concurrent;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Outbox;

/// <summary>
/// A queue is read again while some of its messages are still on their way. A read that started before one of them was
/// recorded can come back after, still showing it pending: that message must not be sent a second time.
/// </summary>
public sealed class StaleQueueReadTests
{
    [Fact]
    public async Task AMessageFinishedWhileItsQueueWasBeingReadIsNotSentAgain()
    {
        using var data = new TemporaryDirectory();
        await using var connector = await ConnectorStub.StartAsync();
        var reads = new LateQueueReads();
        await using var host = OutboxHost.Start(
            data.Path,
            services: services => WrappedTableStore.Around(services, table => table.Name == OutboxKeys.RowsTable ? new LateQueueReads.Rows(reads, table) : table));
        var ana = Tests.Support.Persona.Ana;
        await host.KnowAsync(connector, [ana]);

        await host.Outbox.EnqueueAsync(new OutboxMessage(ana.UserId, TestRenderer.KindName, "to Ana", OutboxPriority.Interactive));
        await connector.WaitForAsync(r => r.ConversationId == ana.ConversationId && r.Succeeded);
        await reads.WaitForLateReadAsync();
        // Time enough for a second copy to go out, had the late read put the message back in line.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal([201], connector.RequestsWhere(r => r.ConversationId == ana.ConversationId).Select(r => r.ResponseStatus));
    }

    /// <summary>
    /// Slows the store down where it matters: recording a sent message (deleting its queue row) takes half a second, so
    /// the queue is read again meanwhile; and that second read comes back only once the row is deleted, and a moment
    /// after, still showing the message pending as it was when the read began.
    /// </summary>
    private sealed class LateQueueReads
    {
        private readonly ConcurrentDictionary<string, int> _readsOf = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _deleted = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _lateRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WaitForLateReadAsync() => _lateRead.Task.WaitAsync(TimeSpan.FromSeconds(10));

        private TaskCompletionSource Deleted(string rowKey) =>
            _deleted.GetOrAdd(rowKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public sealed class Rows(LateQueueReads reads, IStoreTable inner) : StoreTableDecorator(inner)
        {
            public override async Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
            {
                var page = await Inner.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
                if (!OutboxKeys.IsQueue(partitionKey))
                {
                    return page;
                }
                foreach (var row in page.Entities)
                {
                    if (reads._readsOf.AddOrUpdate(row.RowKey, 1, (_, n) => n + 1) == 2)
                    {
                        await Task.WhenAny(reads.Deleted(row.RowKey).Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
                        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                        reads._lateRead.TrySetResult();
                    }
                }
                return page;
            }

            public override async Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                await Inner.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
                reads.Deleted(rowKey).TrySetResult();
            }
        }
    }
}
