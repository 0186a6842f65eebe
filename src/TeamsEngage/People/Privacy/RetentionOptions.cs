using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.People;

/// <summary>
/// How long data is kept, section <c>TeamsEngage:Retention</c>. The type lives with the <see cref="IRetainedData"/>
/// contract so every feature can read it; the privacy feature binds and validates it.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "TeamsEngage:Retention";

    // The longest duration TimeSpan can hold, as the upper bound of the "must be positive" ranges.
    private const string Forever = "10675199.02:48:05.4775807";

    /// <summary>Delivery records of sent broadcasts (who was sent what, and when).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Retention:DeliveredMessages must be at least one day.")]
    public TimeSpan DeliveredMessages { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Resolved tickets, with their history, counted from when they were resolved.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Retention:ClosedTickets must be at least one day.")]
    public TimeSpan ClosedTickets { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Named votes and recipient lists of closed polls, counted from when the poll closed.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Retention:ClosedPollVotes must be at least one day.")]
    public TimeSpan ClosedPollVotes { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Acknowledgements and delivery records of notices, counted from when the notice was sent.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Retention:Acknowledgements must be at least one day.")]
    public TimeSpan Acknowledgements { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Entries of the directory's audit table.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Retention:AuditEntries must be at least one day.")]
    public TimeSpan AuditEntries { get; set; } = TimeSpan.FromDays(1095);

    /// <summary>
    /// Who raised and who supported a feedback item, counted from when the item got its outcome (done, declined or merged).
    /// The item, its outcome and its number of supporters stay: they are the district's public record.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Retention:ClosedFeedback must be at least one day.")]
    public TimeSpan ClosedFeedback { get; set; } = TimeSpan.FromDays(365);

    /// <summary>People who uninstalled the bot are erased this long after they left.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", Forever, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "TeamsEngage:Retention:PeopleWhoLeft must be at least one day.")]
    public TimeSpan PeopleWhoLeft { get; set; } = TimeSpan.FromDays(90);
}
