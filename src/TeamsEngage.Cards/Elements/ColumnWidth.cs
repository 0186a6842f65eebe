using System.Globalization;

namespace TeamsEngage.Cards;

/// <summary>A column's width: "auto", "stretch", a relative weight, or pixels.</summary>
public readonly record struct ColumnWidth
{
    private ColumnWidth(string keyword) => Keyword = keyword;

    private ColumnWidth(int weight, bool pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        Weight = weight;
        IsPixels = pixels;
    }

    public static ColumnWidth Auto { get; } = new("auto");

    public static ColumnWidth Stretch { get; } = new("stretch");

    internal string? Keyword { get; }

    internal int Weight { get; }

    internal bool IsPixels { get; }

    /// <summary>A share of the remaining width relative to the other weighted columns.</summary>
    public static ColumnWidth Weighted(int weight) => new(weight, pixels: false);

    public static ColumnWidth Pixels(int pixels) => new(pixels, pixels: true);

    public override string ToString() =>
        Keyword ?? (IsPixels ? Weight.ToString(CultureInfo.InvariantCulture) + "px" : Weight.ToString(CultureInfo.InvariantCulture));
}
