using TeamsEngage.Cards;

namespace TeamsEngage.Features.Polls;

/// <summary>Small layout helpers shared by poll cards.</summary>
internal static class PollFormat
{
    /// <summary>
    /// A bar for a share of 0 to 100, drawn with card layout: an accent column as wide as the share beside a plain one
    /// for the rest, so it scales with the card instead of counting characters.
    /// </summary>
    public static ColumnSet Bar(int percent)
    {
        var filled = Math.Clamp(percent, 0, 100);
        var columns = new List<Column>(2);
        if (filled > 0)
        {
            columns.Add(new Column() { Width = ColumnWidth.Weighted(filled), Style = ContainerStyle.Accent, MinHeight = "8px" });
        }
        if (filled < 100)
        {
            columns.Add(new Column() { Width = ColumnWidth.Weighted(100 - filled), Style = ContainerStyle.Emphasis, MinHeight = "8px", Spacing = Spacing.None });
        }
        return new ColumnSet(columns) { Spacing = Spacing.Small };
    }
}
