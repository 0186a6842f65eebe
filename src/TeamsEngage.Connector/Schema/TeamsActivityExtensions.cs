using System.Text.Json;
using System.Text.RegularExpressions;

namespace TeamsEngage.Connector.Schema;

/// <summary>Teams-specific readings of an activity.</summary>
public static partial class TeamsActivityExtensions
{
    /// <summary>The tenant of the activity: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }
        return activity.Conversation?.TenantId;
    }

    /// <summary>The locale of the activity, else the clientInfo entity's locale.</summary>
    public static string? GetLocale(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.Locale))
        {
            return activity.Locale;
        }
        return activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Locale;
    }

    /// <summary>The sender's IANA time zone from the activity or its clientInfo entity.</summary>
    public static string? GetTimeZone(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.LocalTimezone))
        {
            return activity.LocalTimezone;
        }
        return activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?.Timezone;
    }

    /// <summary>True when the conversation is a 1:1 chat with the bot.</summary>
    public static bool IsPersonal(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity.Conversation?.ConversationType;
        return type is null ? activity.Conversation?.IsGroup != true : string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The message text with every mention of the bot itself removed and whitespace collapsed.
    /// Identity comes from the mention entity, never from the text.
    /// </summary>
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || botId is null
                || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }
            var markup = !string.IsNullOrEmpty(entity.Text) ? entity.Text : $"<at>{entity.Mentioned?.Name}</at>";
            text = text.Replace(markup, " ", StringComparison.OrdinalIgnoreCase);
        }
        text = text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Whether the bot itself is among the members added by a conversationUpdate.</summary>
    public static bool BotWasAdded(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        return botId is not null && (activity.MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)) ?? false);
    }

    /// <summary>A new outbound message in the same conversation, from the bot to the sender.</summary>
    public static Activity CreateReply(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new Activity
        {
            Type = ActivityTypes.Message,
            From = activity.Recipient is null ? null : new ChannelAccount { Id = activity.Recipient.Id, Name = activity.Recipient.Name },
            Recipient = activity.From is null ? null : new ChannelAccount { Id = activity.From.Id, Name = activity.From.Name },
            Conversation = activity.Conversation is null ? null : new ConversationAccount { Id = activity.Conversation.Id },
            ReplyToId = activity.Id,
            Locale = activity.Locale,
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
