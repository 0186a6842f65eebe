using Microsoft.Extensions.Logging.Abstractions;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Conversations;
using TeamsEngage.Outbox;
using TeamsEngage.Storage;

namespace TeamsEngage.Tests.Outbox.Rules;

/// <summary>
/// The outbox's sender built by hand over <see cref="OutboxParts"/>, with a connector that records every call and
/// answers as the test says, and the people it knows.
/// </summary>
internal sealed class SenderWorld : IDisposable
{
    public const string ServiceUrl = "https://smba.example.test/amer/";

    private readonly ConversationRateLimiter _conversations = new();

    private SenderWorld(OutboxParts parts, OutboxOptions options, IOutboxRenderer[] renderers)
    {
        Parts = parts;
        References = new ConversationReferenceStore(parts.Store);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var work = new WorkIndex(parts.Tables, parts.Clock);
        var signal = new OutboxSignal();
        var outbox = new TableOutbox(
            parts.Tables, work, new BroadcastWriter(parts.Tables, work, signal, wrapped, parts.Clock), new BroadcastJobs(parts.Tables, signal, wrapped, parts.Clock), signal, parts.Clock);
        var lateUpdates = new LateUpdates(parts.Headers, parts.Tables, outbox, NullLogger<LateUpdates>.Instance);
        Sender = new OutboxSender(
            parts.Headers, References, renderers, Connector, new TrustAll(), parts.Limiter, _conversations, parts.Recorder, lateUpdates, parts.Failures,
            wrapped, parts.Clock, NullLogger<OutboxSender>.Instance);
    }

    public OutboxParts Parts { get; }

    public ConversationReferenceStore References { get; }

    public RecordingConnector Connector { get; } = new();

    public OutboxSender Sender { get; }

    public static Task<SenderWorld> CreateAsync(OutboxOptions? options = null, params IOutboxRenderer[] renderers) =>
        CreateAsync(options, null, renderers);

    public static async Task<SenderWorld> CreateAsync(OutboxOptions? options, Func<IStoreTable, IStoreTable>? bend, params IOutboxRenderer[] renderers)
    {
        options ??= new OutboxOptions();
        var parts = await OutboxParts.CreateAsync(options, bend);
        return new SenderWorld(parts, options, renderers);
    }

    /// <summary>Records the person's 1:1 conversation, as the bot does when they first write to it.</summary>
    public async Task<ConversationReference> KnowAsync(string userId, string conversationId)
    {
        var reference = new ConversationReference(userId, null, userId, ServiceUrl, conversationId, OutboxParts.Tenant, "28:bot", "en-US", null);
        await References.RefreshAsync(reference, CancellationToken.None);
        return reference;
    }

    public Task<SendOutcome> SendAsync(PendingRow pending, CancellationToken cancellationToken = default) =>
        Sender.SendAsync(pending, () => true, cancellationToken);

    public void Dispose()
    {
        _conversations.Dispose();
        Parts.Dispose();
    }

    private sealed class TrustAll : IServiceUrlTrust
    {
        public bool Trust(string serviceUrl) => true;

        public bool IsTrusted(string serviceUrl) => true;
    }
}

/// <summary>One call the sender made to the connector.</summary>
internal sealed record ConnectorCall(string Verb, string ConversationId, string? ActivityId, Activity Activity);

/// <summary>A connector that records every send and update and answers with the test's answer (by default a new id).</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    private int _sent;

    public List<ConnectorCall> Calls { get; } = [];

    /// <summary>How the connector answers a send or an update; null for the default answer.</summary>
    public Func<CancellationToken, Task<ResourceResponse>>? Answer { get; set; }

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        lock (Calls)
        {
            Calls.Add(new ConnectorCall("send", conversationId, null, activity));
        }
        return Answer?.Invoke(cancellationToken) ?? Task.FromResult(new ResourceResponse("act-" + Interlocked.Increment(ref _sent)));
    }

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        lock (Calls)
        {
            Calls.Add(new ConnectorCall("update", conversationId, activityId, activity));
        }
        return Answer?.Invoke(cancellationToken) ?? Task.FromResult(new ResourceResponse(activityId));
    }

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
