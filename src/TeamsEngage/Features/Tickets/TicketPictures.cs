using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Features.Tickets;

/// <summary>
/// A picture sent in the chat right after reporting (a screenshot of the error, a photo of the projector) is kept with
/// the person's newest open ticket reported within <see cref="TicketsOptions.PictureWindow"/>, and whoever handles it
/// is told. Only real pictures are kept: the bytes must be a PNG, JPEG, GIF or WebP image, whatever the name says.
/// </summary>
public sealed partial class TicketPictures(
    TicketStore tickets,
    TicketFiles files,
    TicketReporterDesk reporterDesk,
    FileDownloads downloads,
    IBotTokenProvider tokens,
    IOptions<TicketsOptions> options,
    TimeProvider clock,
    ILogger<TicketPictures> logger) : IFileReceiver
{
    private static readonly string[] Extensions = ["png", "jpg", "jpeg", "gif", "webp"];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    public bool Takes(IncomingFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Inline || Extensions.Any(e => string.Equals(file.FileType, e, StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith("." + e, StringComparison.OrdinalIgnoreCase));
    }

    public async Task ReceiveAsync(TurnContext turn, Caller caller, IncomingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(file);
        var texts = caller.Texts;
        var ticket = await RecentAsync(caller.UserId, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            await turn.SendAsync(Replies.Text(texts.Tickets_PictureNoTicket((int)options.Value.PictureWindow.TotalMinutes)), cancellationToken).ConfigureAwait(false);
            return;
        }
        var token = file.TakesBotToken(turn.Activity) && tokens.HasCredentials ? await tokens.GetTokenAsync(false, cancellationToken).ConfigureAwait(false) : null;
        var (bytes, problem) = await downloads.ReadBytesAsync(file.DownloadUrl, token, cancellationToken).ConfigureAwait(false);
        var reply = bytes is null
            ? problem == DownloadProblem.TooLarge ? texts.Tickets_PictureTooLarge(downloads.MaxKilobytes) : texts.Tickets_PictureNotRead
            : PictureType(bytes) is not { } type ? texts.Tickets_PictureNotAPicture
            : await KeepAsync(ticket, caller, file, type, bytes, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(Replies.Text(reply), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> KeepAsync(Ticket ticket, Caller caller, IncomingFile file, string type, byte[] bytes, CancellationToken cancellationToken)
    {
        var texts = caller.Texts;
        var name = Path.GetFileName(file.Name) is { Length: > 0 and <= 200 } n ? n : "picture";
        var kept = await files.AddAsync(ticket.Id, name, type, bytes, caller.UserId, caller.PersonKey, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (kept is null)
        {
            return texts.Tickets_PictureTooMany(ticket.Id, TicketFiles.MaxPerTicket);
        }
        await reporterDesk.PictureAddedAsync(ticket, kept.Number, cancellationToken).ConfigureAwait(false);
        LogKept(logger, ticket.Id, kept.Number, bytes.Length);
        return texts.Tickets_PictureAdded(ticket.Id, TicketCards.HandlerText(ticket, texts));
    }

    /// <summary>The caller's newest open ticket reported within the window, or null.</summary>
    private async Task<Ticket?> RecentAsync(string userId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.Value.PictureWindow;
        return await tickets.ListByReporterAsync(userId, cancellationToken)
            .Where(t => t.IsOpen && t.CreatedAt >= since)
            .OrderByDescending(t => t.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The image type the bytes really are, by their first bytes; null for anything else (a page, a script, a document).</summary>
    internal static string? PictureType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Png) ? "image/png"
        : bytes.StartsWith(Jpeg) ? "image/jpeg"
        : bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ? "image/gif"
        : bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Picture {Number} of ticket {TicketId} kept ({Bytes} bytes)")]
    private static partial void LogKept(ILogger logger, string ticketId, int number, int bytes);
}
