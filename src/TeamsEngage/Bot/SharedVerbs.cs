namespace TeamsEngage.Bot;

/// <summary>Verbs one feature puts on its cards for another feature to handle.</summary>
public static class SharedVerbs
{
    /// <summary>Opens the issue report form (tickets). Data: <see cref="OpenReportData"/>.</summary>
    public const string OpenReport = "report.open";

    /// <summary>Shows the help card (help). No data.</summary>
    public const string ShowHelp = "help.show";

    /// <summary>Follows a service's status updates (services). Data: <see cref="FollowServiceData"/>.</summary>
    public const string FollowService = "services.follow";
}

/// <summary>
/// Data of <see cref="SharedVerbs.OpenReport"/>: the notice a concern is about, or the service a problem is with, if any,
/// and what the person already wrote.
/// </summary>
public sealed record OpenReportData(string? NoticeId = null, string? ServiceId = null, string? Description = null);

/// <summary>Data of <see cref="SharedVerbs.FollowService"/>: the service to follow.</summary>
public sealed record FollowServiceData([property: System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.StringLength(40)] string? ServiceId);
