using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Feedback;

/// <summary><c>TeamsEngage:Feedback</c>.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "TeamsEngage:Feedback";

    /// <summary>How often outcomes that were stored but not handed to the outbox (a stop in between) are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
