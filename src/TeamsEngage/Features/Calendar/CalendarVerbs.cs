using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Calendar;

/// <summary>The verbs on the calendar cards; administrators only.</summary>
public static class CalendarVerbs
{
    public const string Show = "calendar.show";
    public const string AskClosure = "calendar.closure.ask";
    public const string Close = "calendar.closure";
    public const string WindowForm = "calendar.window.form";
    public const string AddWindow = "calendar.window.add";
    public const string RemoveWindow = "calendar.window.remove";
    public const string ImportForm = "calendar.import.form";
    public const string Import = "calendar.import";
    public const string SettingsForm = "calendar.settings.form";
    public const string SaveSettings = "calendar.settings.save";
}

/// <summary>The confirmation's data: the day it closes (yyyy-MM-dd, the day it was asked) and the reason typed.</summary>
public sealed record CloseTodayData([property: Required, StringLength(10)] string Date, [property: StringLength(100)] string? Reason = null);

/// <summary>The window form's inputs, as typed: dates yyyy-MM-dd and times HH:mm in the calendar's zone.</summary>
public sealed record WindowFormData(
    [property: StringLength(20)] string? Kind = null,
    [property: StringLength(200)] string? Name = null,
    [property: StringLength(10)] string? StartDate = null,
    [property: StringLength(5)] string? StartTime = null,
    [property: StringLength(10)] string? EndDate = null,
    [property: StringLength(5)] string? EndTime = null);

/// <summary>Which window a remove button is about.</summary>
public sealed record WindowRefData([property: Required, StringLength(40)] string WindowId);

/// <summary>The pasted text of an .ics file, or the https link of a published one.</summary>
public sealed record IcsImportData([property: StringLength(CalendarCards.MaxIcsLength)] string? Ics = null, [property: StringLength(2000)] string? Url = null);
