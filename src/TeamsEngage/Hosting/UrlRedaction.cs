using System.Diagnostics;
using OpenTelemetry;

namespace TeamsEngage.Hosting;

/// <summary>
/// Connector addresses carry conversation, user and activity ids in their paths: every span keeps the host and the
/// shape of the call (<c>/v3/conversations/{id}/activities</c>), never the ids or a query string. It runs before any
/// exporter, whichever exporters are configured.
/// </summary>
internal sealed class UrlRedaction : BaseProcessor<Activity>
{
    private static readonly HashSet<string> KnownSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "messages", "healthz", "readyz", "v1", "v3", "conversations", "activities", "members", "pagedmembers", "teams",
        "meetings", "participants", "notification", "attachments", "batch", "history", "oauth2", "v2.0", "token",
        ".well-known", "openidconfiguration", "keys",
    };

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem("url.full") is string full && Uri.TryCreate(full, UriKind.Absolute, out var uri))
        {
            data.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority) + Template(uri.AbsolutePath));
        }
        if (data.GetTagItem("url.path") is string path)
        {
            data.SetTag("url.path", Template(path));
        }
        if (data.GetTagItem("url.query") is not null)
        {
            data.SetTag("url.query", null);
        }
    }

    internal static string Template(string path) =>
        string.Join('/', path.Split('/').Select(s => s.Length == 0 || KnownSegments.Contains(s) ? s : "{id}"));
}
