using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Reports;

/// <summary>The reports dashboard; section <c>TeamsEngage:Reports</c>.</summary>
public sealed class ReportsOptions
{
    public const string Section = "TeamsEngage:Reports";

    /// <summary>How long the sign-in link the <c>reports</c> command offers works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "TeamsEngage:Reports:LinkLifetime must be between one minute and one hour.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a dashboard session lasts after signing in.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "TeamsEngage:Reports:SessionLifetime must be between five minutes and one day.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The hosts allowed to frame the dashboard (Content-Security-Policy <c>frame-ancestors</c>): Teams only.</summary>
    [Required(ErrorMessage = "TeamsEngage:Reports:FrameAncestors is required.")]
    [RegularExpression(@"^[a-z0-9:/*.\- ]+$", ErrorMessage = "TeamsEngage:Reports:FrameAncestors is a space-separated list of https origins.")]
    public string FrameAncestors { get; set; } = "https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com";

    /// <summary>The smallest group shown on the participation page: the polls' <c>TeamsEngage:Polls:MinGroupSize</c>.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "TeamsEngage:Polls:MinGroupSize must be at least 2.")]
    public int MinGroupSize { get; set; } = 5;
}
