using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// The Bot Connector v3 REST client over <see cref="HttpClient"/>. Paths are resolved relative to the serviceUrl
/// (its regional segment kept), ids are escaped, and the bot's token is attached only for trusted serviceUrls;
/// with credentials configured, a call to an untrusted serviceUrl is refused before anything is sent.
/// A 401 triggers one forced token refresh and one more attempt. Throttling and transient failures are retried
/// by the HttpClient's resilience pipeline (<see cref="ConnectorResilience"/>), except on the proactive client.
/// </summary>
internal sealed partial class ConnectorClient : IConnectorClient
{
    private const int MinPageSize = 50;
    private const int MaxPageSize = 500;
    private static readonly HttpStatusCode[] WriteSuccess = [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Accepted];
    private static readonly HttpStatusCode[] DeleteSuccess = [HttpStatusCode.OK, HttpStatusCode.Accepted];
    private static readonly HttpStatusCode[] ReadSuccess = [HttpStatusCode.OK];

    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly ServiceUrlTrust _trust;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ConnectorClient> _logger;

    /// <summary>Creates the client. In an application, resolve <see cref="IConnectorClient"/> from DI instead.</summary>
    public ConnectorClient(HttpClient http, IBotTokenProvider tokens, ServiceUrlTrust trust, TimeProvider timeProvider, ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _trust = trust;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var body = ActivityBody(activity, id: null);
        var call = new ConnectorCall(HttpMethod.Post, "v3/conversations/{conversationId}/activities", "v3/conversations/" + E(conversationId) + "/activities", WriteSuccess);
        return await CallAsync<ResourceResponse>(serviceUrl, call, body, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        var body = ActivityBody(activity, id: null);
        body["replyToId"] = replyToId;
        var call = new ConnectorCall(HttpMethod.Post, "v3/conversations/{conversationId}/activities/{activityId}", "v3/conversations/" + E(conversationId) + "/activities/" + E(replyToId), WriteSuccess);
        return await CallAsync<ResourceResponse>(serviceUrl, call, body, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
    }

    /// <inheritdoc />
    public async Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var body = ActivityBody(activity, id: activityId);
        var call = new ConnectorCall(HttpMethod.Put, "v3/conversations/{conversationId}/activities/{activityId}", "v3/conversations/" + E(conversationId) + "/activities/" + E(activityId), WriteSuccess);
        return await CallAsync<ResourceResponse>(serviceUrl, call, body, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(activityId);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var call = new ConnectorCall(HttpMethod.Delete, "v3/conversations/{conversationId}/activities/{activityId}", "v3/conversations/" + E(conversationId) + "/activities/" + E(activityId), DeleteSuccess);
        await CallAsync<JsonElement?>(serviceUrl, call, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.SerializeToNode(parameters, BotJson.Options)!;
        var call = new ConnectorCall(HttpMethod.Post, "v3/conversations", "v3/conversations", WriteSuccess);
        return await CallAsync<ConversationResourceResponse>(serviceUrl, call, body, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException("The connector created a conversation but returned no id.");
    }

    /// <inheritdoc />
    public async Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var call = new ConnectorCall(HttpMethod.Get, "v3/conversations/{conversationId}/members/{memberId}", "v3/conversations/" + E(conversationId) + "/members/" + E(memberId), ReadSuccess);
        return await CallAsync<TeamsChannelAccount>(serviceUrl, call, null, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException("The connector returned no member.");
    }

    /// <inheritdoc />
    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + Math.Clamp(size, MinPageSize, MaxPageSize).ToString(CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + E(continuationToken));
        }
        var path = "v3/conversations/" + E(conversationId) + "/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        var call = new ConnectorCall(HttpMethod.Get, "v3/conversations/{conversationId}/pagedmembers", path, ReadSuccess);
        return await CallAsync<PagedMembersResult>(serviceUrl, call, null, cancellationToken).ConfigureAwait(false) ?? new PagedMembersResult();
    }

    private static string E(string value) => Uri.EscapeDataString(value);

    // Serialized to a node so the caller's activity is never changed: a new activity carries no id (the channel
    // assigns it), while an update names the message it replaces.
    private static JsonObject ActivityBody(Activity activity, string? id)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var body = JsonSerializer.SerializeToNode(activity, BotJson.Options)!.AsObject();
        body.Remove("id");
        if (id is not null)
        {
            body["id"] = id;
        }
        return body;
    }
}
