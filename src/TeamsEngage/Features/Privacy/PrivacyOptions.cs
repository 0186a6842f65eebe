using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Privacy;

/// <summary>Settings of exports and the retention sweep, section <c>TeamsEngage:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "TeamsEngage:Privacy";

    /// <summary>How long an export link works.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Privacy:LinkLifetime must be between one second and one day.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the sweep looks whether today's run is still to do (it runs once a day across every instance).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Privacy:SweepInterval must be between one second and one day.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
