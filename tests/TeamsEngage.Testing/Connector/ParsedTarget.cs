namespace TeamsEngage.Testing.Connector;

/// <summary>A request target split into route and decoded ids. The v3 part may follow any prefix (a regional segment).</summary>
internal sealed record ParsedTarget(
    ConnectorRoute Route, string Path, string? ConversationId, string? ActivityId, string? MemberId, IReadOnlyDictionary<string, string> Query)
{
    public static ParsedTarget Parse(string method, string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = ParseQuery(queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..]);
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var path = "/" + string.Join('/', segments);
        var v3 = Array.FindIndex(segments, s => s == "v3");
        if (v3 < 0 || v3 + 1 >= segments.Length || segments[v3 + 1] != "conversations")
        {
            return new(ConnectorRoute.Unknown, path, null, null, null, query);
        }
        var rest = segments[(v3 + 2)..];
        var route = (method, rest.Length, rest.ElementAtOrDefault(1)) switch
        {
            ("POST", 0, _) => ConnectorRoute.CreateConversation,
            ("POST", 2, "activities") => ConnectorRoute.Send,
            ("POST", 3, "activities") => ConnectorRoute.Reply,
            ("PUT", 3, "activities") => ConnectorRoute.Update,
            ("DELETE", 3, "activities") => ConnectorRoute.Delete,
            ("GET", 3, "members") => ConnectorRoute.GetMember,
            ("GET", 2, "pagedmembers") => ConnectorRoute.GetPagedMembers,
            _ => ConnectorRoute.Unknown,
        };
        var conversationId = rest.ElementAtOrDefault(0);
        var third = rest.ElementAtOrDefault(2);
        return new(
            route,
            path,
            conversationId,
            route is ConnectorRoute.Reply or ConnectorRoute.Update or ConnectorRoute.Delete ? third : null,
            route is ConnectorRoute.GetMember ? third : null,
            query);
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            values[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }
        return values;
    }
}
