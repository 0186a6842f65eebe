using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.People;
using TeamsEngage.People.Import;

namespace TeamsEngage.Features.Directory;

/// <summary><c>import</c> (administrators): a card to paste a departments or people CSV into.</summary>
public sealed class ImportCommand : ICommand
{
    public BotCommand Command => BotCommands.Import;

    public Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.Turn.SendAsync(Replies.Card(ImportCards.Form(context.Caller.Texts), context.Caller.Texts["Directory_Import_Title"]), cancellationToken);
}

/// <summary><c>directory.import</c>: imports the pasted CSV and answers with the report; without a CSV, shows the form again.</summary>
public sealed class ImportAction(DirectoryImporter importer) : ICardAction
{
    public string Verb => DirectoryVerbs.Import;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        if (!caller.Has(Role.Administrator) || caller.PersonKey is null)
        {
            return CardActionResult.WithMessage(caller.Texts["Directory_Refused"]);
        }
        var data = context.DataAs<ImportData>();
        if (string.IsNullOrWhiteSpace(data?.Csv))
        {
            return CardActionResult.WithCard(ImportCards.Form(caller.Texts));
        }
        if (data.Csv.Length > ImportCards.MaxCsvLength)
        {
            return CardActionResult.WithMessage(caller.Texts["Directory_Import_TooLarge"]);
        }
        var kind = string.Equals(data.Kind, "people", StringComparison.OrdinalIgnoreCase) ? ImportKind.People : ImportKind.Departments;
        var report = await importer.ImportAsync(kind, data.Csv, caller.PersonKey, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(ImportCards.Report(caller.Texts, report));
    }
}
