using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Conversations;
using TeamsEngage.Storage.Hosting;

namespace TeamsEngage.Outbox;

/// <summary>Registers the outbox, its dispatcher and the conversation references it sends to.</summary>
public static class OutboxServices
{
    /// <summary>
    /// Registers <see cref="IOutbox"/>, the dispatcher and the writer of queued broadcasts (hosted services) and their
    /// tables (features add an <see cref="IBroadcastAudience"/> per audience kind they queue); options in
    /// <c>TeamsEngage:Outbox</c>, validated at start. Sending needs the store, the Bot Connector client
    /// (<c>AddBotConnector</c>) and <see cref="AddConversationReferences"/>.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSharedStoreTable(OutboxKeys.RowsTable);
        services.AddSharedStoreTable(OutboxKeys.WorkTable);
        services.AddSharedStoreTable(OutboxKeys.BroadcastsTable);

        services.TryAddSingleton<OutboxTables>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<WorkIndex>();
        services.TryAddSingleton<BroadcastWriter>();
        services.TryAddSingleton<IOutbox, TableOutbox>();
        services.TryAddSingleton<OutboxRecords>();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<OutboxOptions>>().Value;
            return new TenantRateLimiter(options.RequestsPerSecond, options.EffectiveBurst, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<RateShares>();
        services.TryAddSingleton<ConversationRateLimiter>();
        services.TryAddSingleton<BroadcastHeaderCache>();
        services.TryAddSingleton<UndeliverableCallbacks>();
        services.TryAddSingleton<DeliveryRecorder>();
        services.TryAddSingleton<LateUpdates>();
        services.TryAddSingleton<SendFailures>();
        services.TryAddSingleton<OutboxSender>();
        services.AddMetrics();
        services.TryAddSingleton<OutboxMetrics>();
        services.AddHostedService<OutboxDepthSampler>();
        services.TryAddSingleton<HeldWork>();
        services.TryAddSingleton<LeaseKeeper>();
        services.TryAddSingleton<OutboxPump>();
        services.AddHostedService<OutboxDispatcher>();
        services.TryAddSingleton<BroadcastJobs>();
        services.TryAddSingleton<BroadcastJobRunner>();
        services.AddHostedService<BroadcastWriterService>();
        return services;
    }

    /// <summary>
    /// Registers the <see cref="ConversationReferenceStore"/> and the turn observer that keeps it fresh from every
    /// authenticated activity, so the outbox can reach people and channels proactively.
    /// </summary>
    public static IServiceCollection AddConversationReferences(this IServiceCollection services)
    {
        services.AddSharedStoreTable(ConversationReferenceStore.TableName);
        services.TryAddSingleton<ConversationReferenceStore>();
        if (!services.Any(d => d.ServiceType == typeof(ReferenceRefresher)))
        {
            services.AddSingleton<ReferenceRefresher>();
            services.AddHostedService(sp => sp.GetRequiredService<ReferenceRefresher>());
        }
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITurnObserver, ConversationReferenceRecorder>());
        return services;
    }
}
