using System.Globalization;
using System.Text.Json;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Testing.Connector;

public sealed partial class ConnectorStub
{
    private const int DefaultPageSize = 200;

    // Called under _gate: the answers the real connector gives when nothing is scripted.
    private StubReply Answer(ParsedTarget target, string body) => target.Route switch
    {
        ConnectorRoute.Send or ConnectorRoute.Reply => Json(201, new { id = NewMessageId() }),
        ConnectorRoute.Update => Json(200, new { id = target.ActivityId }),
        ConnectorRoute.Delete => new StubReply(200),
        ConnectorRoute.CreateConversation => CreateConversation(body),
        ConnectorRoute.GetMember => GetMember(target),
        ConnectorRoute.GetPagedMembers => GetPagedMembers(target),
        _ => StubReply.Error(404, "NotFound", "Unknown connector route"),
    };

    private string NewMessageId() => (++_nextMessageId).ToString(CultureInfo.InvariantCulture);

    private StubReply CreateConversation(string body)
    {
        var parameters = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<ConversationParameters>(body, BotJson.Options);
        if (parameters is null)
        {
            return StubReply.Error(400, "BadArgument", "Missing conversation parameters");
        }
        var activityId = parameters.Activity is null ? null : NewMessageId();
        var channelId = ChannelIdOf(parameters.ChannelData);
        if (channelId is not null)
        {
            // A new thread in a channel: Teams names it after the channel and the root message.
            activityId ??= NewMessageId();
            return Json(201, new { id = channelId + ";messageid=" + activityId, activityId });
        }
        var id = "a:1" + Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        return Json(201, new { id, activityId });
    }

    private static string? ChannelIdOf(object? channelData)
    {
        if (channelData is not JsonElement { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("channel", out var channel)
            || channel.ValueKind != JsonValueKind.Object
            || !channel.TryGetProperty("id", out var id))
        {
            return null;
        }
        return id.GetString();
    }

    private StubReply GetMember(ParsedTarget target)
    {
        if (!_members.TryGetValue(target.ConversationId!, out var members))
        {
            return StubReply.Error(404, "ConversationNotFound", "Conversation not found");
        }
        var member = members.FirstOrDefault(m => m.Id == target.MemberId || m.AadObjectId == target.MemberId || m.UserPrincipalName == target.MemberId);
        return member is null ? StubReply.Error(404, "MemberNotFoundInConversation", "The member is not in the conversation") : Json(200, member);
    }

    private StubReply GetPagedMembers(ParsedTarget target)
    {
        if (!_members.TryGetValue(target.ConversationId!, out var members))
        {
            return StubReply.Error(404, "ConversationNotFound", "Conversation not found");
        }
        var pageSize = target.Query.TryGetValue("pageSize", out var size) && int.TryParse(size, CultureInfo.InvariantCulture, out var parsed)
            ? Math.Clamp(parsed, 50, 500)
            : DefaultPageSize;
        var offset = target.Query.TryGetValue("continuationToken", out var token) && int.TryParse(token, CultureInfo.InvariantCulture, out var start) ? start : 0;
        var page = members.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < members.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Json(200, new PagedMembersResult { Members = page, ContinuationToken = next });
    }

    private static StubReply Json(int status, object value) => new(status, JsonSerializer.Serialize(value, BotJson.Options));
}
