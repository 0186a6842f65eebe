using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Calendar;

/// <summary>
/// Editing the calendar's settings on cards: the district's zone, school days, hours and lessons, and a department's own
/// hours and lessons. Configuration is the default; what is saved here wins. The dispatcher has checked the caller is an
/// administrator.
/// </summary>
public sealed partial class CalendarSettingsDesk(SchoolCalendars calendars, IPeopleDirectory directory, IOptions<CalendarOptions> options, CalendarDesk overview, TimeProvider clock, ILogger<CalendarSettingsDesk> logger)
{
    /// <summary>The form for the district, or for the department chosen (or carried).</summary>
    public async Task<CardActionResult> FormAsync(CardAction<SettingsRefData> action, CancellationToken cancellationToken)
    {
        var asked = string.IsNullOrWhiteSpace(action.Data.OpenDepartment) ? action.Data.Department : action.Data.OpenDepartment;
        var department = await DepartmentAsync(asked, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(asked) && department is null)
        {
            return CardActionResult.WithMessage(action.Texts.Calendar_DepartmentUnknown);
        }
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var form = CalendarSettingsCards.Current(calendar, options.Value.ParseLessons() ?? [], department?.Code);
        return await FormCardAsync(form, new Dictionary<string, string>(), action, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves the form, or shows it again with each error under its field and nothing changed.</summary>
    public async Task<CardActionResult> SaveAsync(CardAction<SettingsFormData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        var form = action.Data;
        Department? department = null;
        if (!string.IsNullOrWhiteSpace(form.Department) && (department = await DepartmentAsync(form.Department, cancellationToken).ConfigureAwait(false)) is null)
        {
            return CardActionResult.WithMessage(texts.Calendar_DepartmentUnknown);
        }
        form = form with { Department = department?.Code };
        var current = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var (change, errors) = department is null ? District(current, form, texts) : Department(department.Code, form, texts);
        if (change is null)
        {
            return await FormCardAsync(form, errors, action, cancellationToken).ConfigureAwait(false);
        }
        var result = await calendars.ChangeAsync(c => Decision.Write(change(c)), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (!result.Written)
        {
            return CardActionResult.ChangedMeanwhile;
        }
        LogSaved(logger, department is not null);
        var saved = department is null ? texts.Calendar_SettingsSaved : texts.Calendar_DepartmentSaved(department.Name);
        return await overview.OverviewAsync(action, saved, cancellationToken).ConfigureAwait(false);
    }

    private static (Func<SchoolCalendar, SchoolCalendar>? Change, IReadOnlyDictionary<string, string> Errors) District(SchoolCalendar current, SettingsFormData form, Localization.Texts texts)
    {
        var (edited, errors) = CalendarSettingsForm.District(current, form, texts);
        return edited is null ? (null, errors) : (c => c with { ZoneId = edited.ZoneId, SchoolDays = edited.SchoolDays, Hours = edited.Hours, Lessons = edited.Lessons }, errors);
    }

    private static (Func<SchoolCalendar, SchoolCalendar>? Change, IReadOnlyDictionary<string, string> Errors) Department(string code, SettingsFormData form, Localization.Texts texts)
    {
        var (own, errors) = CalendarSettingsForm.Department(code, form, texts);
        return own is null ? (null, errors) : (c => c.WithDepartment(own), errors);
    }

    private async Task<CardActionResult> FormCardAsync(SettingsFormData form, IReadOnlyDictionary<string, string> errors, CardActionContext action, CancellationToken cancellationToken)
    {
        var departments = form.Department is null ? await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false) : [];
        return CardActionResult.WithCard(CalendarSettingsCards.Form(form, errors, departments, action.Texts));
    }

    private async Task<Department?> DepartmentAsync(string? code, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) ? null : await directory.FindDepartmentAsync(code.Trim(), cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Information, Message = "An administrator saved the calendar's settings (a department's: {Department})")]
    private static partial void LogSaved(ILogger logger, bool department);
}
