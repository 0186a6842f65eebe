namespace TeamsEngage.Bot;

/// <summary>Verbs one feature puts on its cards for another feature to handle.</summary>
public static class SharedVerbs
{
    /// <summary>Opens the issue report form (tickets). Data: <see cref="OpenReportData"/>.</summary>
    public const string OpenReport = "report.open";

    /// <summary>Shows the help card (help). No data.</summary>
    public const string ShowHelp = "help.show";
}

/// <summary>Data of <see cref="SharedVerbs.OpenReport"/>: the notice a concern is about, if any.</summary>
public sealed record OpenReportData(string? NoticeId = null);
