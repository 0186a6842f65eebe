using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;

namespace TeamsEngage.Features.Calendar;

/// <summary>
/// An .ics file sent to the bot in a personal chat: an administrator's is downloaded and imported like pasted text, with
/// the same result card; anyone else's is refused before anything is downloaded.
/// </summary>
public sealed class CalendarIcsFiles(CalendarDesk desk, FileDownloads downloads, ILogger<CalendarIcsFiles> logger) : AdministratorFiles("ics", logger)
{
    protected override string Refusal(Localization.Texts texts) => texts.Calendar_FileRefused;

    protected override async Task ImportAsync(TurnContext turn, Caller caller, IncomingFile file, CancellationToken cancellationToken)
    {
        var texts = caller.Texts;
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
}
