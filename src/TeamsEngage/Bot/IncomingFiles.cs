using System.Text.Json;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Bot;

/// <summary>
/// A file someone sent the bot in a 1:1 chat. Teams keeps the file in the sender's OneDrive and hands the bot an
/// attachment of type <see cref="ContentType"/> with a short-lived, pre-authorised <see cref="DownloadUrl"/>.
/// </summary>
public sealed record IncomingFile(string Name, string FileType, Uri DownloadUrl)
{
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The first file of a personal-chat message; null for anything else (channels never deliver files to a bot).</summary>
    public static IncomingFile? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (string.Equals(attachment.ContentType, ContentType, StringComparison.OrdinalIgnoreCase) && Read(attachment) is { } file)
            {
                return file;
            }
        }
        return null;
    }

    private static IncomingFile? Read(Attachment attachment)
    {
        var content = attachment.Content switch
        {
            JsonElement element => element,
            null => default,
            var other => JsonSerializer.SerializeToElement(other),
        };
        if (content.ValueKind != JsonValueKind.Object
            || !content.TryGetProperty("downloadUrl", out var url) || url.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var download))
        {
            return null;
        }
        var type = content.TryGetProperty("fileType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() ?? string.Empty : string.Empty;
        return new IncomingFile(attachment.Name ?? string.Empty, type, download);
    }
}

/// <summary>A feature that takes files sent to the bot in a personal chat (an administrator's .ics, for the calendar).</summary>
public interface IFileReceiver
{
    /// <summary>True when the file is one this receiver reads (by its type or name); the receiver then answers the turn.</summary>
    bool Takes(IncomingFile file);

    Task ReceiveAsync(TurnContext turn, Caller caller, IncomingFile file, CancellationToken cancellationToken);
}
