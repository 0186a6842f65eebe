using System.Text.Json.Serialization;

namespace TeamsEngage.Cards;

/// <summary>Runs of text with their own formatting. Runs are not markdown-processed, so user text is safe in them.</summary>
public sealed record RichTextBlock(params IReadOnlyList<TextRun> Inlines) : CardElement
{
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>A run of literal text inside a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "TextRun";

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }
}
