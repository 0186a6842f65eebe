using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Surveys;

/// <summary>
/// Settings of surveys, section <c>TeamsEngage:Surveys</c>. The minimum group size, the voter-key pepper and the weekly
/// cap are the poll settings, shared (<see cref="Anonymity.AnonymityOptions"/>).
/// </summary>
public sealed class SurveysOptions
{
    public const string Section = "TeamsEngage:Surveys";

    private const string Forever = "10675199.02:48:05.4775807";

    /// <summary>How long an export link works.</summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Surveys:LinkLifetime must be positive.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often due surveys are closed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Surveys:SweepInterval must be positive.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
