using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Calendar;

/// <summary>
/// Section <c>TeamsEngage:Calendar:Files</c>: how an administrator's <c>.ics</c> file sent in a personal chat is fetched
/// from the link Teams gives. Only https links are followed, except loopback http when <see cref="AllowLoopbackHttp"/>
/// is set or in Development (a local stub serving the file).
/// </summary>
public sealed class CalendarFileOptions
{
    public const string Section = "TeamsEngage:Calendar:Files";

    /// <summary>The largest file read, in bytes (default 1 MB); a larger one is refused and nothing is imported.</summary>
    [Range(1024, 10 * 1024 * 1024, ErrorMessage = "TeamsEngage:Calendar:Files:MaxBytes must be between 1024 and 10485760.")]
    public int MaxBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the download may take, all of it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "TeamsEngage:Calendar:Files:Timeout must be between 00:00:01 and 00:02:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Follow http links to 127.0.0.1 or localhost (tests and local runs only).</summary>
    public bool AllowLoopbackHttp { get; set; }
}
