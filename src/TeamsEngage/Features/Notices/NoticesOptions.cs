namespace TeamsEngage.Features.Notices;

/// <summary>Settings of notices, section <c>TeamsEngage:Notices</c>.</summary>
public sealed class NoticesOptions
{
    public const string Section = "TeamsEngage:Notices";

    /// <summary>A notice to more people than this asks the author to confirm the count first.</summary>
    public int ConfirmAbove { get; set; } = 500;

    /// <summary>How often scheduled notices are checked for their send time.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);
}
