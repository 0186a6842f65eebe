using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Tickets;

/// <summary>Settings of issue reports, section <c>TeamsEngage:Tickets</c>.</summary>
public sealed class TicketsOptions
{
    public const string Section = "TeamsEngage:Tickets";

    /// <summary>How often the promise watcher looks at open tickets.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "TeamsEngage:Tickets:EscalationInterval must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before the deadline the liaison is reminded (once).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "TeamsEngage:Tickets:ReminderLead must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a resolved ticket still shows in <c>my issues</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00", ErrorMessage = "TeamsEngage:Tickets:RecentlyClosed must be between 00:00:00 and 365.00:00:00.")]
    public TimeSpan RecentlyClosed { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The promise, in hours, for reporters without a department.</summary>
    [Range(1, 24 * 30, ErrorMessage = "TeamsEngage:Tickets:DefaultResponseHours must be between 1 and 720.")]
    public int DefaultResponseHours { get; set; } = 8;

    /// <summary>The id prefix of tickets from people without a department (the administrators' "No department" queue).</summary>
    [Required(ErrorMessage = "TeamsEngage:Tickets:GeneralCode is required.")]
    [RegularExpression("^[A-Z][A-Z0-9]{1,9}$", ErrorMessage = "TeamsEngage:Tickets:GeneralCode must be 2 to 10 capital letters or digits, starting with a letter.")]
    public string GeneralCode { get; set; } = "NODEPT";

    /// <summary>How long after reporting a picture sent in the chat is added to the person's newest open ticket.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "TeamsEngage:Tickets:PictureWindow must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan PictureWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the link to a ticket's picture on a liaison's card works (the card gets fresh links when it is rebuilt).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "TeamsEngage:Tickets:FileLinkLifetime must be between 00:01:00 and 30.00:00:00.")]
    public TimeSpan FileLinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
