using TeamsEngage.Localization;

namespace TeamsEngage.Features.Polls;

/// <summary>Small formatting helpers shared by poll cards.</summary>
internal static class PollFormat
{
    private const int BarWidth = 10;

    /// <summary>A text bar of ten cells for a share of 0 to 100.</summary>
    public static string Bar(int percent)
    {
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) / 100.0 * BarWidth, MidpointRounding.AwayFromZero);
        return new string('\u2588', filled) + new string('\u2591', BarWidth - filled);
    }

}
