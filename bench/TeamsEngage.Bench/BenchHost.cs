using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;
using TeamsEngage.Storage.Azure;
using TeamsEngage.Storage.Sqlite;

namespace TeamsEngage.Bench;

/// <summary>Where the bench keeps its rows.</summary>
internal sealed record StoreChoice(string Kind, string? DataDirectory, string? ConnectionString)
{
    public ITableStore Create() => Kind == "azurite"
        ? new AzureTableStore(new TableServiceClient(ConnectionString))
        : new SqliteTableStore(DataDirectory!);
}

/// <summary>
/// The product's real outbox (AddOutbox: store layout, dispatcher, sender, rate limiter, connector client) in a plain host,
/// on a counting store, with a renderer for the bench's notice kind.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string TenantId = "5b0c7a1e-2f4d-4c83-9e6a-b7d1c2f3a4e5";
    public const string Kind = "bench.notice";
    private static readonly string[] Tables = ["ConversationReferences", "OutboxRows", "OutboxWork", "OutboxBroadcasts"];

    private readonly IHost _host;

    private BenchHost(IHost host, CountingTableStore store)
    {
        _host = host;
        Store = store;
    }

    public CountingTableStore Store { get; }

    public IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    public static async Task<BenchHost> StartAsync(StoreChoice storeChoice, double limit, int concurrency)
    {
        var store = new CountingTableStore(storeChoice.Create());
        await store.InitializeAsync(Tables);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TeamsEngage:Outbox:RequestsPerSecond"] = limit.ToString(CultureInfo.InvariantCulture),
            ["TeamsEngage:Outbox:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["TeamsEngage:Outbox:LeaseDuration"] = "00:00:10",
            ["TeamsEngage:Outbox:SendTimeout"] = "00:00:03",
            ["TeamsEngage:Outbox:PollInterval"] = "00:00:01",
            ["TeamsEngage:Outbox:RetryBaseDelay"] = "00:00:00.500",
            ["TeamsEngage:Outbox:RetryMaxDelay"] = "00:00:05",
        });
        builder.Services.AddSingleton<ITableStore>(store);
        // The simulator takes no token: the connector runs as in anonymous local development.
        builder.Services.Configure<BotOptions>(bot => bot.IsAnonymous = true);
        builder.Services.AddBotConnectorClient(builder.Configuration);
        builder.Services.AddConversationReferences();
        builder.Services.AddSingleton<IOutboxRenderer, NoticeRenderer>();
        builder.Services.AddOutbox();
        var host = builder.Build();
        await host.StartAsync();
        return new BenchHost(host, store);
    }

    public static string UserId(int i) => "29:bench-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static string ConversationId(int i) => "a:bench-" + i.ToString("D6", CultureInfo.InvariantCulture);

    public static async IAsyncEnumerable<BroadcastRecipient> Recipients(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new BroadcastRecipient("person-" + i.ToString("D6", CultureInfo.InvariantCulture), UserId(i), "D" + (i % 40).ToString(CultureInfo.InvariantCulture), "Staff");
        }
        await Task.CompletedTask;
    }

    /// <summary>Whether the work index still lists shards of broadcasts (read on the raw store, so it is not counted).</summary>
    public static async Task<bool> HasOpenShardsAsync(ITableStore rawStore)
    {
        var page = await rawStore.Table("OutboxWork").QueryAsync("work");
        return page.Entities.Any(e => e.RowKey.StartsWith("b|", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class NoticeRenderer : IOutboxRenderer
    {
        public string Kind => BenchHost.Kind;

        public Task<RenderedMessage?> RenderAsync(RenderContext context, CancellationToken cancellationToken) =>
            Task.FromResult<RenderedMessage?>(new RenderedMessage(null, "Notice " + context.Payload + " for " + context.Recipient.Name));
    }
}
