using TeamsEngage.Bot;
using TeamsEngage.Catalogue;
using TeamsEngage.People.Import;

namespace TeamsEngage.Features.Directory;

/// <summary>The administrators' CSV import of departments, people, services or service FAQ: the form and the report.</summary>
public sealed class ImportDesk(DirectoryImporter importer, CatalogueImporter catalogue)
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
        var report = data.Kind?.ToLowerInvariant() switch
        {
            "services" => await catalogue.ImportAsync(CatalogueFile.Services, data.Csv, actor, cancellationToken).ConfigureAwait(false),
            "faq" => await catalogue.ImportAsync(CatalogueFile.Faq, data.Csv, actor, cancellationToken).ConfigureAwait(false),
            "people" => await importer.ImportAsync(ImportKind.People, data.Csv, actor, cancellationToken).ConfigureAwait(false),
            _ => await importer.ImportAsync(ImportKind.Departments, data.Csv, actor, cancellationToken).ConfigureAwait(false),
        };
        return CardActionResult.WithCard(ImportCards.Report(action.Texts, report));
    }
}
