using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Notices;

/// <summary>Settings of notices, section <c>TeamsEngage:Notices</c>.</summary>
public sealed class NoticesOptions
{
    public const string Section = "TeamsEngage:Notices";

    /// <summary>A notice to more people than this asks the author to confirm the count first.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "TeamsEngage:Notices:ConfirmAbove must be at least 1.")]
    public int ConfirmAbove { get; set; } = 500;

    /// <summary>How often scheduled notices are checked for their send time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "10675199.02:48:05.4775807", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Notices:SchedulerInterval must be positive.")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often, at most, the author's card of a sending notice is updated with its progress (one update per period
    /// while anything changed, and a last one at 100 %).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Notices:ProgressInterval must be between 100 ms and one hour.")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);
}
