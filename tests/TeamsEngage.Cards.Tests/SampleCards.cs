namespace TeamsEngage.Cards.Tests;

internal sealed record ReportIssueData(string Verb, Guid NoticeId, int Revision);

internal static class SampleCards
{
    public static readonly Guid NoticeId = Guid.Parse("6f1c2a8e-3b1d-4a53-9d7e-2f0e5b6c7a10");

    /// <summary>One card that uses every element, input and action of the model.</summary>
    public static AdaptiveCard EveryElementAndAction() => new(
        new TextBlock("Planned maintenance")
        {
            Id = "title",
            Size = TextSize.Large,
            Weight = TextWeight.Bolder,
            Color = TextColor.Attention,
            Wrap = true,
            Style = TextBlockStyle.Heading,
            HorizontalAlignment = HorizontalAlignment.Center,
            MaxLines = 2,
        },
        CardText.UserText("Sent by *Ana* [click](https://example.org)", maxLength: 200, isSubtle: true),
        new RichTextBlock(
            new TextRun("Wi-Fi ") { Weight = TextWeight.Bolder, Color = TextColor.Good },
            new TextRun("will be down") { Italic = true, IsSubtle = true, Size = TextSize.Small }),
        new FactSet(new Fact("When", "Saturday 08:00"), new Fact("Where", CardText.Escape("Building #2 (gym)")))
        {
            Spacing = Spacing.Medium,
            Separator = true,
        },
        new ColumnSet(
            new Column(new Image(new Uri("https://example.org/logo.png")) { AltText = "District logo", Size = ImageSize.Small })
            {
                Width = ColumnWidth.Auto,
            },
            new Column(new TextBlock("Wide column") { Wrap = true }) { Width = ColumnWidth.Stretch },
            new Column(new TextBlock("Weighted")) { Width = ColumnWidth.Weighted(2), Style = ContainerStyle.Emphasis },
            new Column(new TextBlock("Fixed")) { Width = ColumnWidth.Pixels(80), Spacing = Spacing.Small }),
        new Container(
            new TextBlock("Hidden details") { IsSubtle = true, Wrap = true })
        {
            Id = "details",
            Style = ContainerStyle.Warning,
            Bleed = true,
            IsVisible = false,
        },
        new TextInput("comment")
        {
            Label = "Comment",
            Placeholder = "What happened?",
            IsMultiline = true,
            MaxLength = 500,
            IsRequired = true,
            ErrorMessage = "Please describe the problem.",
            Value = "",
            Regex = "^.{3,}$",
        },
        new ChoiceSetInput("severity", new Choice("Low", "low"), new Choice("High", "high"))
        {
            Label = "Severity",
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = "Pick a severity.",
            Value = "low",
        },
        new ChoiceSetInput("rooms", new Choice("Gym", "gym"), new Choice("Library", "library"))
        {
            Label = "Rooms",
            Style = ChoiceInputStyle.Compact,
            IsMultiSelect = true,
        },
        new ToggleInput("notify", "Notify me") { Label = "Updates", Value = "true", ValueOn = "true", ValueOff = "false" },
        new DateInput("day") { Label = "Day", Value = new DateOnly(2025, 3, 1), Min = new DateOnly(2025, 1, 1) },
        new TimeInput("time") { Label = "Time", Value = new TimeOnly(8, 30), Max = new TimeOnly(17, 0) },
        new NumberInput("count") { Label = "Devices", Value = 1, Min = 1, Max = 50 },
        new ActionSet(
            new OpenUrlAction("Status page", new Uri("https://example.org/status")),
            new ShowCardAction("More", new AdaptiveCard(new TextBlock("Nested card")))))
    {
        Actions =
        [
            new ExecuteAction("Report issue", "reportIssue")
            {
                Id = "report",
                Data = new ReportIssueData("reportIssue", NoticeId, 3),
                AssociatedInputs = AssociatedInputs.Auto,
                Style = ActionStyle.Positive,
                Fallback = new SubmitAction("Report issue") { Data = new ReportIssueData("reportIssue", NoticeId, 3) },
            },
            new SubmitAction("Dismiss") { Data = new { dismissed = true }, AssociatedInputs = AssociatedInputs.None },
        ],
        Refresh = new CardRefresh(new ExecuteAction("Refresh", "refreshNotice") { Data = new { noticeId = NoticeId } })
        {
            UserIds = ["29:1abc", "29:2def"],
        },
        FallbackText = "Planned maintenance on Saturday",
        MsTeams = TeamsCardOptions.FullWidth,
    };
}
