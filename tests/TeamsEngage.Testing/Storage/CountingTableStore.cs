using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Storage;

namespace TeamsEngage.Testing.Storage;

/// <summary>One store call: the table, the operation and whether it was made while an HTTP request was being answered.</summary>
public sealed record StoreCall(string Table, string Operation, bool OnRequestPath)
{
    /// <summary>Point reads, partition queries and scans.</summary>
    public bool IsRead => Operation is "Get" or "Query" or "Scan";
}

/// <summary>
/// A store that passes every call to a real one and records it, telling the calls made on an HTTP request's path (the
/// request's context flows with them) from those a background service makes. Wrap the bot's store with <see cref="Around"/>.
/// </summary>
public sealed class CountingTableStore
{
    private readonly ConcurrentQueue<StoreCall> _calls = new();
    private IHttpContextAccessor? _requests;

    /// <summary>Every call recorded since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<StoreCall> Calls => [.. _calls];

    /// <summary>The calls made while a request was being answered.</summary>
    public IReadOnlyList<StoreCall> OnRequestPath => [.. _calls.Where(c => c.OnRequestPath)];

    public void Clear() => _calls.Clear();

    /// <summary>Replaces the registered store with one that counts through this instance.</summary>
    public void Around(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpContextAccessor();
        var original = services.Last(d => d.ServiceType == typeof(ITableStore));
        services.Remove(original);
        services.AddSingleton<ITableStore>(provider =>
        {
            _requests = provider.GetRequiredService<IHttpContextAccessor>();
            var inner = original.ImplementationFactory is { } factory
                ? (ITableStore)factory(provider)
                : original.ImplementationInstance as ITableStore ?? (ITableStore)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!);
            return new Store(this, inner);
        });
    }

    private void Record(string table, string operation) => _calls.Enqueue(new StoreCall(table, operation, _requests?.HttpContext is not null));

    private sealed class Store(CountingTableStore owner, ITableStore inner) : ITableStore, IDisposable
    {
        public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

        public IStoreTable Table(string name) => new Table(owner, inner.Table(name));

        public Task ForgetDeletedAsync(CancellationToken cancellationToken = default) => inner.ForgetDeletedAsync(cancellationToken);

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }

    private sealed class Table(CountingTableStore owner, IStoreTable inner) : StoreTableDecorator(inner)
    {
        public override Task<StoreEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Get");
            return base.GetAsync(partitionKey, rowKey, cancellationToken);
        }

        public override Task<StoreEntity> InsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Insert");
            return base.InsertAsync(entity, cancellationToken);
        }

        public override Task<StoreEntity> UpsertAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Upsert");
            return base.UpsertAsync(entity, cancellationToken);
        }

        public override Task<StoreEntity> UpdateAsync(StoreEntity entity, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Update");
            return base.UpdateAsync(entity, cancellationToken);
        }

        public override Task DeleteAsync(string partitionKey, string rowKey, string? eTag, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Delete");
            return base.DeleteAsync(partitionKey, rowKey, eTag, cancellationToken);
        }

        public override Task<IReadOnlyList<StoreEntity?>> SubmitBatchAsync(IReadOnlyList<BatchOperation> operations, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Batch");
            return base.SubmitBatchAsync(operations, cancellationToken);
        }

        public override Task<StorePage> QueryAsync(string partitionKey, string? rowKeyFrom = null, string? rowKeyTo = null, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Query");
            return base.QueryAsync(partitionKey, rowKeyFrom, rowKeyTo, pageSize, continuationToken, cancellationToken);
        }

        public override Task<StorePage> ScanAsync(int pageSize = 1000, string? continuationToken = null, string? partitionKeyPrefix = null, CancellationToken cancellationToken = default)
        {
            owner.Record(Name, "Scan");
            return base.ScanAsync(pageSize, continuationToken, partitionKeyPrefix, cancellationToken);
        }
    }
}
