using System.Text.Json.Serialization;

namespace TeamsEngage.Cards;

public sealed record ColumnSet(params IReadOnlyList<Column> Columns) : CardElement
{
    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }
}

/// <summary>A column; not a body element of its own, so it writes its type itself.</summary>
public sealed record Column(params IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-2)]
    public string Type { get; } = "Column";

    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    public ColumnWidth? Width { get; init; }

    public ContainerStyle? Style { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }

    /// <summary>The least height, in pixels ("8px"): lets a column with no items show its style as a bar.</summary>
    public string? MinHeight { get; init; }
}
