using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Client;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Outbox;

/// <summary>Registers the outbox and its dispatcher.</summary>
public static class OutboxServices
{
    /// <summary>
    /// Registers <see cref="IOutbox"/>, the <see cref="OutboxDispatcher"/> hosted service and their tables; options in
    /// <c>TeamsEngage:Outbox</c>, validated at start. Needs the store, the connector client and the conversation references.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddStoreTable(OutboxKeys.RowsTable);
        services.AddStoreTable(OutboxKeys.WorkTable);
        services.AddStoreTable(OutboxKeys.BroadcastsTable);

        services.AddHttpClient(OutboxConnector.HttpClientName, http =>
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd(ConnectorServiceCollectionExtensions.UserAgent);
            // Each send has its own timeout (SendTimeout) in the dispatcher.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        services.TryAddSingleton(sp => new OutboxConnector(new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OutboxConnector.HttpClientName),
            sp.GetRequiredService<IBotTokenProvider>(),
            sp.GetRequiredService<ServiceUrlTrust>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorClient>>())));

        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return new TenantRateLimiter(options.RequestsPerSecond, options.EffectiveBurst, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<ConversationRateLimiter>();
        services.TryAddSingleton<OutboxSender>();
        services.TryAddSingleton<IOutbox, TableOutbox>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
