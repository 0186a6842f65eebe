using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsEngage.Connector.Schema;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Known fields are typed; anything else the
/// channel sends is kept in <see cref="Extra"/> so nothing is lost when an activity is read and written again.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type, for example <c>message</c> or <c>invoke</c>. See <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>Set by the channel on inbound activities; never set on new outbound ones.</summary>
    public string? Id { get; set; }

    /// <summary>UTC time the channel received the activity.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Local time of the sender, with offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone of the sender.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Base URL of the connector that sent the activity and receives replies for its conversation.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The channel, <c>msteams</c> for Teams.</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation the activity belongs to.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The receiver.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; set; }

    /// <summary>The message text.</summary>
    public string? Text { get; set; }

    /// <summary>Notification summary text.</summary>
    public string? Summary { get; set; }

    /// <summary>The sender's locale, for example <c>en-US</c>.</summary>
    public string? Locale { get; set; }

    /// <summary>Attachments such as Adaptive Cards.</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>Mentions, client information and other entities.</summary>
    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific data; for Teams the tenant, team, channel and notification settings.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>Open value: card submit data and invoke payloads.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The name of an invoke or event activity.</summary>
    public string? Name { get; set; }

    /// <summary>The id of the message this activity replies to or acts on.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>On installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c> or <c>remove-upgrade</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Members added to the conversation (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members removed from the conversation (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Fields this model does not name, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A user or bot in a conversation.</summary>
public sealed class ChannelAccount
{
    /// <summary>Channel id: <c>29:…</c> for Teams users, <c>28:…</c> for bots.</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>The Microsoft Entra object id of a user.</summary>
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A conversation: a 1:1 chat, group chat or channel.</summary>
public sealed class ConversationAccount
{
    /// <summary>The conversation id.</summary>
    public string? Id { get; set; }

    /// <summary>Display name, where the channel has one.</summary>
    public string? Name { get; set; }

    /// <summary>Whether more than two parties take part.</summary>
    public bool? IsGroup { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c> in Teams.</summary>
    public string? ConversationType { get; set; }

    /// <summary>The Entra tenant of the conversation.</summary>
    public string? TenantId { get; set; }

    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An attachment, such as an Adaptive Card.</summary>
public sealed class Attachment
{
    /// <summary>The content's MIME type, for example <c>application/vnd.microsoft.card.adaptive</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The content itself, serialized as JSON.</summary>
    public object? Content { get; set; }

    /// <summary>A URL to the content, instead of <see cref="Content"/>.</summary>
    public string? ContentUrl { get; set; }

    /// <summary>A display name.</summary>
    public string? Name { get; set; }

    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An entity on an activity: a mention, client information, and others.</summary>
public sealed class Entity
{
    /// <summary>The entity type, for example <c>mention</c> or <c>clientInfo</c>.</summary>
    public string? Type { get; set; }

    /// <summary>For mentions: who is mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For mentions: the mention markup as it stands in the text.</summary>
    public string? Text { get; set; }

    /// <summary>For clientInfo: the client's locale.</summary>
    public string? Locale { get; set; }

    /// <summary>For clientInfo: the client's IANA time zone.</summary>
    public string? Timezone { get; set; }

    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}
