using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Storage;

namespace TeamsEngage.Testing.Storage;

/// <summary>
/// Puts a decorator around some of the bot's tables: replaces the registered store with one that hands each table to
/// a function, which returns either the table itself or a <see cref="StoreTableDecorator"/> around it.
/// </summary>
public static class WrappedTableStore
{
    public static void Around(IServiceCollection services, Func<IStoreTable, IStoreTable> wrap)
    {
        ArgumentNullException.ThrowIfNull(services);
        var original = services.Last(d => d.ServiceType == typeof(ITableStore));
        services.Remove(original);
        services.AddSingleton<ITableStore>(provider =>
        {
            var inner = original.ImplementationFactory is { } factory
                ? (ITableStore)factory(provider)
                : original.ImplementationInstance as ITableStore ?? (ITableStore)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!);
            return new Store(inner, wrap);
        });
    }

    private sealed class Store(ITableStore inner, Func<IStoreTable, IStoreTable> wrap) : ITableStore, IDisposable
    {
        public Task InitializeAsync(IEnumerable<string> tableNames, CancellationToken cancellationToken = default) => inner.InitializeAsync(tableNames, cancellationToken);

        public IStoreTable Table(string name) => wrap(inner.Table(name));

        public Task ForgetDeletedAsync(CancellationToken cancellationToken = default) => inner.ForgetDeletedAsync(cancellationToken);

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
