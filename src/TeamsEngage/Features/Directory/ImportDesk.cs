using TeamsEngage.Bot;
using TeamsEngage.Catalogue;
using TeamsEngage.People.Import;

namespace TeamsEngage.Features.Directory;

/// <summary>The administrators' CSV import of departments, people, services or service FAQ: the form and the report.</summary>
public sealed class ImportDesk(DirectoryImporter importer, CatalogueImporter catalogue)
{
    public const string Departments = "departments";
    public const string People = "people";
    public const string Services = "services";
    public const string Faq = "faq";

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
        var report = await RunAsync(data.Kind, data.Csv, actor, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(ImportCards.Report(action.Texts, report));
    }

    /// <summary>Imports a CSV of the kind the form (or a file's header) names; departments when none is named.</summary>
    public async Task<ImportReport> RunAsync(string? kind, string csv, string actor, CancellationToken cancellationToken) => kind?.ToLowerInvariant() switch
    {
        Services => await catalogue.ImportAsync(CatalogueFile.Services, csv, actor, cancellationToken).ConfigureAwait(false),
        Faq => await catalogue.ImportAsync(CatalogueFile.Faq, csv, actor, cancellationToken).ConfigureAwait(false),
        People => await importer.ImportAsync(ImportKind.People, csv, actor, cancellationToken).ConfigureAwait(false),
        _ => await importer.ImportAsync(ImportKind.Departments, csv, actor, cancellationToken).ConfigureAwait(false),
    };
}
