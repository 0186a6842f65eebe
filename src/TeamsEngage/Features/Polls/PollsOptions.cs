using System.ComponentModel.DataAnnotations;
using TeamsEngage.Links;

namespace TeamsEngage.Features.Polls;

/// <summary>Settings of polls, section <c>TeamsEngage:Polls</c>.</summary>
public sealed class PollsOptions
{
    public const string Section = "TeamsEngage:Polls";

    // The longest duration TimeSpan can hold, as the upper bound of the "must be positive" ranges.
    private const string Forever = "10675199.02:48:05.4775807";

    /// <summary>Breakdown groups with fewer respondents are never shown as numbers.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "TeamsEngage:Polls:MinGroupSize must be at least 2.")]
    public int MinGroupSize { get; set; } = 5;

    /// <summary>A person is sent at most this many polls in any 7 days.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "TeamsEngage:Polls:MaxPerPersonPerWeek must be at least 1.")]
    public int MaxPerPersonPerWeek { get; set; } = 2;

    /// <summary>
    /// Optional key (base64, at least 32 bytes) kept in configuration or Key Vault, never in the store: anonymous voter
    /// keys are derived from it and each poll's stored secret, so a copy of the store alone cannot recompute them while a
    /// poll is open. Do not change it while anonymous polls are open: their voters would no longer find their votes.
    /// </summary>
    [Base64Key(32, Setting = "TeamsEngage:Polls:VoterKeyPepper")]
    public string? VoterKeyPepper { get; set; }

    /// <summary>How long an export link works.</summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Polls:LinkLifetime must be positive.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a tally shown on voters' cards may be reused before the votes are counted again.</summary>
    public TimeSpan TallyCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a poll definition is cached between votes (also how late another instance sees "close now").</summary>
    public TimeSpan PollCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an instance keeps the list of people a poll was sent to before reading it again (a vote checks the voter
    /// against it instead of reading the voter's row).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Polls:RecipientRollDuration must be positive.")]
    public TimeSpan RecipientRollDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often due polls are closed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Polls:SweepInterval must be positive.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a poll stays open when the quick form is used.</summary>
    public TimeSpan QuickFormDuration { get; set; } = TimeSpan.FromDays(3);
}
