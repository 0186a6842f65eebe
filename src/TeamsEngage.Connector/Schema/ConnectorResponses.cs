using System.Text.Json.Serialization;

namespace TeamsEngage.Connector.Schema;

/// <summary>The connector's answer to send, reply and update: the id of the message.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The connector's answer to create conversation.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>The body of a create-conversation request.</summary>
public sealed class ConversationParameters
{
    /// <summary>False for a 1:1 chat.</summary>
    public bool IsGroup { get; set; }

    /// <summary>The bot, <c>28:&lt;appId&gt;</c>.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>For a 1:1 chat, the one user (<c>29:…</c>).</summary>
    public IList<ChannelAccount>? Members { get; set; }

    /// <summary>A topic for group conversations.</summary>
    public string? TopicName { get; set; }

    /// <summary>The tenant; Teams also reads it from <see cref="ChannelData"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>An activity to post when the conversation is created.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Teams channel data, for example <c>{"tenant":{"id":"…"}}</c>.</summary>
    public object? ChannelData { get; set; }
}

/// <summary>A conversation member as Teams returns it from the roster.</summary>
public sealed class TeamsChannelAccount
{
    /// <summary>The user's <c>29:</c> id.</summary>
    public string? Id { get; set; }
    /// <summary>Display name.</summary>
    public string? Name { get; set; }
    /// <summary>The Entra object id (named <c>objectId</c> on the roster).</summary>
    [JsonPropertyName("objectId")]
    public string? AadObjectId { get; set; }
    /// <summary>Given name.</summary>
    public string? GivenName { get; set; }
    /// <summary>Surname.</summary>
    public string? Surname { get; set; }
    /// <summary>Email address.</summary>
    public string? Email { get; set; }
    /// <summary>User principal name.</summary>
    public string? UserPrincipalName { get; set; }
    /// <summary>The member's tenant.</summary>
    public string? TenantId { get; set; }
    /// <summary><c>user</c>, or <c>anonymous</c> for meeting guests.</summary>
    public string? UserRole { get; set; }
}

/// <summary>One page of a conversation's or team's members.</summary>
public sealed class PagedMembersResult
{
    /// <summary>The token for the next page; null on the last page.</summary>
    public string? ContinuationToken { get; set; }
    /// <summary>The members on this page.</summary>
    public IList<TeamsChannelAccount> Members { get; set; } = [];
}
