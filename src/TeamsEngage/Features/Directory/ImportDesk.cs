using TeamsEngage.Bot;
using TeamsEngage.People.Import;

namespace TeamsEngage.Features.Directory;

/// <summary>The administrators' CSV import of departments or people: the form and the report.</summary>
public sealed class ImportDesk(DirectoryImporter importer)
{
    /// <summary><c>import</c>: a card to paste a departments or people CSV into.</summary>
    public Task ShowAsync(CommandContext command, CancellationToken cancellationToken) =>
        command.Turn.SendAsync(Replies.Card(ImportCards.Form(command.Texts), command.Texts.Directory_Import_Title), cancellationToken);

    /// <summary>Imports the pasted CSV and answers with the report; without a CSV, shows the form again.</summary>
    public async Task<CardActionResult> ImportAsync(CardAction<ImportData> action, CancellationToken cancellationToken)
    {
        var data = action.Data;
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        if (string.IsNullOrWhiteSpace(data.Csv))
        {
            return CardActionResult.WithCard(ImportCards.Form(action.Texts));
        }
        if (data.Csv.Length > ImportCards.MaxCsvLength)
        {
            return CardActionResult.WithMessage(action.Texts.Directory_Import_TooLarge);
        }
        var kind = string.Equals(data.Kind, "people", StringComparison.OrdinalIgnoreCase) ? ImportKind.People : ImportKind.Departments;
        var report = await importer.ImportAsync(kind, data.Csv, actor, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(ImportCards.Report(action.Texts, report));
    }
}
