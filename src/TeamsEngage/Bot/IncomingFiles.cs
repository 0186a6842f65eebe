using System.Text.Json;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Bot;

/// <summary>
/// A file someone sent the bot in a 1:1 chat. Teams keeps a file in the sender's OneDrive and hands the bot an
/// attachment of type <see cref="ContentType"/> with a short-lived, pre-authorised <see cref="DownloadUrl"/>; a picture
/// pasted into the message comes as an <c>image/*</c> attachment whose link is on the channel's own host and needs the
/// bot's token (<see cref="Inline"/>).
/// </summary>
public sealed record IncomingFile(string Name, string FileType, Uri DownloadUrl, bool Inline = false)
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
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType is { } type && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var link))
            {
                var extension = type["image/".Length..].ToLowerInvariant();
                return new IncomingFile(attachment.Name ?? "image." + extension, extension, link, Inline: true);
            }
        }
        return null;
    }

    /// <summary>
    /// True when the bot's token may go with the download: a pasted picture whose link is on the host the activity came
    /// from (the channel, whose address the inbound token vouched for). Never for a file's pre-authorised link.
    /// </summary>
    public bool TakesBotToken(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Inline
            && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var service)
            && string.Equals(service.Scheme, DownloadUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(service.Authority, DownloadUrl.Authority, StringComparison.OrdinalIgnoreCase);
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

/// <summary>
/// A receiver of one kind of file (by extension or Teams' file type) that only administrators may send: anyone else is
/// told so in their language and the file is never downloaded.
/// </summary>
public abstract partial class AdministratorFiles(string extension, ILogger logger) : IFileReceiver
{
    public bool Takes(IncomingFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return string.Equals(file.FileType, extension, StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith("." + extension, StringComparison.OrdinalIgnoreCase);
    }

    public async Task ReceiveAsync(TurnContext turn, Caller caller, IncomingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(file);
        if (!Who.Administrators.Admits(caller.Role) || caller.PersonKey is null)
        {
            LogRefused(logger, extension);
            await turn.SendAsync(Replies.Text(Refusal(caller.Texts)), cancellationToken).ConfigureAwait(false);
            return;
        }
        await ImportAsync(turn, caller, file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What someone who is not an administrator is told.</summary>
    protected abstract string Refusal(Localization.Texts texts);

    /// <summary>Reads an administrator's file and answers the turn.</summary>
    protected abstract Task ImportAsync(TurnContext turn, Caller caller, IncomingFile file, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "A .{Extension} file from someone who is not an administrator was refused without downloading it")]
    private static partial void LogRefused(ILogger logger, string extension);
}
