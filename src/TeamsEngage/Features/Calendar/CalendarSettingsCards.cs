using TeamsEngage.Calendar;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Calendar;

/// <summary>The settings form: the district's zone, days, hours and lessons, or one department's hours and lessons.</summary>
public static class CalendarSettingsCards
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The form as the calendar holds it now: the district's, with the lessons in force (configuration's when none is stored).</summary>
    public static SettingsFormData Current(SchoolCalendar calendar, IReadOnlyList<SchoolHours> configuredLessons, string? department)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (department is not null)
        {
            var own = calendar.Departments.FirstOrDefault(d => string.Equals(d.Code, department, StringComparison.OrdinalIgnoreCase));
            return new SettingsFormData(department, null, null, own?.Hours is { } h ? CalendarSettingsForm.Time(h.Start) : null,
                own?.Hours is { } e ? CalendarSettingsForm.EndText(e) : null, own?.Lessons is { } l ? CalendarSettingsForm.LessonsText(l) : null);
        }
        return new SettingsFormData(null, calendar.ZoneId, string.Join(',', calendar.SchoolDays.Select(d => d.ToString()[..3])),
            CalendarSettingsForm.Time(calendar.Hours.Start), CalendarSettingsForm.EndText(calendar.Hours),
            CalendarSettingsForm.LessonsText(calendar.Lessons ?? configuredLessons));
    }

    /// <summary>The form; each error sits under its field. A department's form shows only its hours and lessons.</summary>
    public static AdaptiveCard Form(SettingsFormData form, IReadOnlyDictionary<string, string> errors, IReadOnlyList<Department> departments, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(texts);
        var title = form.Department is null ? texts.Calendar_SettingsTitle : texts.Calendar_DepartmentTitle(CardText.Escape(form.Department));
        var body = new List<CardElement> { new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading } };
        if (form.Department is null)
        {
            Field(body, errors, "zone", new TextInput("zone") { Label = texts.Calendar_Field_Zone, IsRequired = true, MaxLength = 64, ErrorMessage = texts.Calendar_Error_Zone, Value = form.Zone, Placeholder = "America/New_York" });
            var choices = Week.Select(d => new Choice(texts.Culture.DateTimeFormat.GetDayName(d), d.ToString()[..3])).ToList();
            Field(body, errors, "days", new ChoiceSetInput("days", choices) { Label = texts.Calendar_Field_Days, IsMultiSelect = true, IsRequired = true, ErrorMessage = texts.Calendar_Error_Days, Value = form.Days });
        }
        else
        {
            body.Add(new TextBlock(texts.Calendar_DepartmentIntro) { Wrap = true, IsSubtle = true });
        }
        Field(body, errors, "dayStart", new TextInput("dayStart") { Label = texts.Calendar_Field_DayStart, MaxLength = 5, Value = form.DayStart, Placeholder = "07:30" });
        Field(body, errors, "dayEnd", new TextInput("dayEnd") { Label = texts.Calendar_Field_DayEnd, MaxLength = 5, Value = form.DayEnd, Placeholder = "16:00" });
        Field(body, errors, "lessons", new TextInput("lessons") { Label = texts.Calendar_Field_Lessons, MaxLength = 400, Value = form.Lessons, Placeholder = "08:00-10:00,10:20-12:00" });
        if (form.Department is null && departments.Count > 0)
        {
            body.Add(DepartmentPicker(departments, texts));
        }
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Calendar_SaveSettings, CalendarVerbs.SaveSettings) { Data = new SettingsRefData(form.Department), AssociatedInputs = AssociatedInputs.Auto },
                new ExecuteAction(texts.Calendar_Cancel, CalendarVerbs.Show) { Data = new { }, AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = title,
        };
    }

    // Another department's form opens from here; its choice is an input of its own, so the district's Save never reads it.
    private static Container DepartmentPicker(IReadOnlyList<Department> departments, Texts texts) => new(
        new ChoiceSetInput("openDepartment", [.. departments.Select(d => new Choice(d.Name, d.Code))]) { Label = texts.Calendar_Field_Department },
        new ActionSet(new ExecuteAction(texts.Calendar_OpenDepartment, CalendarVerbs.SettingsForm) { Data = new { }, AssociatedInputs = AssociatedInputs.Auto }))
    {
        Spacing = Spacing.Large,
        Separator = true,
    };

    private static void Field(List<CardElement> body, IReadOnlyDictionary<string, string> errors, string id, CardElement input)
    {
        body.Add(input);
        if (errors.TryGetValue(id, out var error))
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }
}
