using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People.Import;

namespace TeamsEngage.Features.Directory;

/// <summary>The import form and its report.</summary>
public static class ImportCards
{
    public const int MaxCsvLength = 100_000;

    public static AdaptiveCard Form(Texts texts) => new(
        Heading(texts.Directory_Import_Title),
        new ChoiceSetInput("kind",
            new Choice(texts.Directory_Import_KindDepartments, ImportDesk.Departments),
            new Choice(texts.Directory_Import_KindPeople, ImportDesk.People),
            new Choice(texts.Directory_Import_KindServices, ImportDesk.Services),
            new Choice(texts.Directory_Import_KindFaq, ImportDesk.Faq))
        {
            Label = texts.Directory_Import_Kind,
            Style = ChoiceInputStyle.Expanded,
            Value = ImportDesk.Departments,
        },
        new TextInput("csv") { Label = texts.Directory_Import_Csv, IsMultiline = true, IsRequired = true, ErrorMessage = texts.Directory_Import_CsvRequired, MaxLength = MaxCsvLength },
        new TextBlock(texts.Directory_Import_FileHint) { Wrap = true, IsSubtle = true, Size = TextSize.Small })
    {
        Actions = [new ExecuteAction(texts.Directory_Import_Run, DirectoryVerbs.Import) { Data = new ImportData(), AssociatedInputs = AssociatedInputs.Auto }],
        FallbackText = texts.Directory_Import_Title,
    };

    public static AdaptiveCard Report(Texts texts, ImportReport report)
    {
        var body = new List<CardElement>
        {
            Heading(texts.Directory_Import_ResultTitle),
            new TextBlock(texts.Directory_Import_Summary(report.Applied, report.Unchanged, report.Errors.Count)) { Wrap = true },
        };
        AddIssues(body, texts, texts.Directory_Import_Errors, report.Errors, TextColor.Attention);
        AddIssues(body, texts, texts.Directory_Import_Warnings, report.Warnings, TextColor.Warning);
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(texts.Directory_Import_Title, DirectoryVerbs.Import) { Data = new ImportData() }],
            FallbackText = texts.Directory_Import_ResultTitle,
        };
    }

    private static void AddIssues(List<CardElement> body, Texts texts, string title, IReadOnlyList<ImportIssue> issues, TextColor color)
    {
        if (issues.Count == 0)
        {
            return;
        }
        body.Add(new TextBlock(title) { Weight = TextWeight.Bolder, Wrap = true, Color = color, Spacing = Spacing.Medium });
        foreach (var issue in issues.Take(50))
        {
            var reason = texts.Format(issue.ReasonKey, [.. issue.Args.Select(a => (object?)CardText.Escape(CardText.Truncate(a, 80)))]);
            body.Add(new TextBlock(texts.Directory_Import_Line(issue.Line.ToString(texts.Culture), reason)) { Wrap = true, Spacing = Spacing.Small });
        }
    }

    private static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };
}
