using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Client;

/// <summary>
/// The Bot Connector REST API (v3) as the bot uses it. Every call takes the serviceUrl of the conversation,
/// learned from an authenticated inbound activity. Failures throw <see cref="ConnectorException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary>Appends a message to a conversation. <c>POST v3/conversations/{id}/activities</c>.</summary>
    Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Replies to a message. <c>POST v3/conversations/{id}/activities/{replyToId}</c>.</summary>
    Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Replaces a message the bot sent. <c>PUT v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message the bot sent. <c>DELETE v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>Creates (or finds) a conversation, for example a proactive 1:1 chat. <c>POST v3/conversations</c>.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>Reads one member of a conversation. <c>GET v3/conversations/{id}/members/{memberId}</c>.</summary>
    Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of members. <c>GET v3/conversations/{id}/pagedmembers</c>.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default);
}
