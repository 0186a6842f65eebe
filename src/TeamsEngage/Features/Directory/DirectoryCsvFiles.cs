using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.People.Import;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// A CSV file sent to the bot in a personal chat: an administrator's is downloaded and imported like pasted text, the
/// kind of file told by its header line, with the same report card; anyone else's is refused before it is downloaded.
/// </summary>
public sealed class DirectoryCsvFiles(ImportDesk desk, FileDownloads downloads, ILogger<DirectoryCsvFiles> logger) : AdministratorFiles("csv", logger)
{
    protected override string Refusal(Localization.Texts texts) => texts.Directory_File_Refused;

    protected override async Task ImportAsync(TurnContext turn, Caller caller, IncomingFile file, CancellationToken cancellationToken)
    {
        var texts = caller.Texts;
        var (csv, problem) = await downloads.ReadTextAsync(file.DownloadUrl, cancellationToken).ConfigureAwait(false);
        var limit = Math.Min(downloads.MaxKilobytes, ImportCards.MaxCsvLength / 1024);
        var refusal = problem switch
        {
            DownloadProblem.None when csv!.Length > ImportCards.MaxCsvLength => texts.Directory_File_TooLarge(limit),
            DownloadProblem.None when KindOf(csv) is null => texts.Directory_File_UnknownKind,
            DownloadProblem.None => null,
            DownloadProblem.NotHttps => texts.Directory_File_NotHttps,
            DownloadProblem.TooLarge => texts.Directory_File_TooLarge(limit),
            _ => texts.Directory_File_Failed,
        };
        if (refusal is not null)
        {
            await turn.SendAsync(Replies.Text(refusal), cancellationToken).ConfigureAwait(false);
            return;
        }
        var report = await desk.RunAsync(KindOf(csv!)!, csv!, caller.PersonKey!, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(Replies.Card(ImportCards.Report(texts, report), texts.Directory_Import_ResultTitle), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The import a file is for, by the first cell of its header line (as the import form's kinds name them).</summary>
    private static string? KindOf(string csv)
    {
        var records = CsvText.Parse(csv);
        var first = records.Count > 0 && records[0].Cells.Count > 0 ? records[0].Cells[0].Trim().TrimStart('\uFEFF').ToLowerInvariant() : string.Empty;
        return first switch
        {
            "department" => ImportDesk.Departments,
            "email" => ImportDesk.People,
            "id" => ImportDesk.Services,
            "service" => ImportDesk.Faq,
            _ => null,
        };
    }
}
