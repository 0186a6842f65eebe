using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Features.Calendar;

/// <summary>
/// An .ics file sent to the bot in a personal chat: an administrator's is downloaded and imported like pasted text, with
/// the same result card; anyone else's is refused before anything is downloaded.
/// </summary>
public sealed partial class CalendarIcsFiles(CalendarDesk desk, FileDownloads downloads, ILogger<CalendarIcsFiles> logger) : IFileReceiver
{
    public bool Takes(IncomingFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return string.Equals(file.FileType, "ics", StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith(".ics", StringComparison.OrdinalIgnoreCase);
    }

    public async Task ReceiveAsync(TurnContext turn, Caller caller, IncomingFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(file);
        var texts = caller.Texts;
        if (!Who.Administrators.Admits(caller.Role))
        {
            LogRefused(logger);
            await turn.SendAsync(Replies.Text(texts.Calendar_FileRefused), cancellationToken).ConfigureAwait(false);
            return;
        }
        var (text, problem) = await downloads.ReadTextAsync(file.DownloadUrl, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            await turn.SendAsync(Replies.Text(CalendarCards.FileProblem(texts, problem, downloads.MaxKilobytes)), cancellationToken).ConfigureAwait(false);
            return;
        }
        var (card, invalid) = await desk.ImportTextAsync(text, texts, cancellationToken).ConfigureAwait(false);
        if (card is null)
        {
            await turn.SendAsync(Replies.Text(invalid ? texts.Calendar_ImportInvalid : texts.Calendar_ChangedMeanwhile), cancellationToken).ConfigureAwait(false);
            return;
        }
        await turn.SendAsync(Replies.Card(card, texts.Calendar_Title), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A calendar file from someone who is not an administrator was refused without downloading it")]
    private static partial void LogRefused(ILogger logger);
}
