using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Calendar;
using TeamsEngage.Cards;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Calendar;

/// <summary>The administrators' calendar cards. Dates and times are shown in the district's zone, which the card names.</summary>
public static class CalendarCards
{
    public const int MaxIcsLength = 200_000;
    private const int MaxComingUp = 8;

    /// <summary>This week day by day, then the windows, closures and breaks ahead, with the actions.</summary>
    public static AdaptiveCard Overview(SchoolCalendar calendar, DateTimeOffset now, Texts texts, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(texts);
        var body = new List<CardElement> { Heading(texts.Calendar_Title) };
        if (notice is not null)
        {
            body.Add(new TextBlock(CardText.Escape(notice)) { Wrap = true, Color = TextColor.Accent });
        }
        body.Add(new TextBlock(texts.Calendar_Hours(Days(calendar.SchoolDays, texts), Time(calendar.Hours.Start), calendar.Hours.EndsAtMidnight ? "24:00" : Time(calendar.Hours.End), calendar.ZoneId)) { Wrap = true, IsSubtle = true });
        body.Add(Subheading(texts.Calendar_ThisWeek));
        var today = CalendarZones.DateOf(now, calendar.ZoneId);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        body.AddRange(Enumerable.Range(0, 7).Select(i => (CardElement)new TextBlock(DayLine(calendar, monday.AddDays(i), texts)) { Wrap = true, Spacing = Spacing.None }));
        body.Add(Subheading(texts.Calendar_ComingUp));
        body.AddRange(ComingUp(calendar, now, today, texts));
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Calendar_SnowDay, CalendarVerbs.AskClosure) { Data = new { } },
                new ExecuteAction(texts.Calendar_AddWindow, CalendarVerbs.WindowForm) { Data = new { } },
                new ExecuteAction(texts.Calendar_Import, CalendarVerbs.ImportForm) { Data = new { } },
                new ExecuteAction(texts.Calendar_Settings, CalendarVerbs.SettingsForm) { Data = new { } },
            ],
            FallbackText = texts.Calendar_Title,
        };
    }

    /// <summary>The second tap of a snow day: names the day and what follows, with a reason to edit.</summary>
    public static AdaptiveCard ConfirmClosure(DateOnly today, Texts texts) => new(
        Heading(texts.Calendar_ConfirmTitle),
        new TextBlock(texts.Calendar_ConfirmText(PeopleTime.Day(today, texts))) { Wrap = true, Color = TextColor.Attention },
        new TextInput("reason") { Label = texts.Calendar_ClosureName, Value = texts.Calendar_SnowDayName, MaxLength = CalendarWindowForm.MaxName })
    {
        Actions =
        [
            new ExecuteAction(texts.Calendar_CloseNow, CalendarVerbs.Close) { Data = new CloseTodayData(Iso(today)), Style = ActionStyle.Destructive, AssociatedInputs = AssociatedInputs.Auto },
            new ExecuteAction(texts.Calendar_Cancel, CalendarVerbs.Show) { Data = new { }, AssociatedInputs = AssociatedInputs.None },
        ],
        FallbackText = texts.Calendar_ConfirmTitle,
    };

    /// <summary>The window form; each error sits under the field it is about.</summary>
    public static AdaptiveCard WindowForm(WindowFormData form, IReadOnlyDictionary<string, string> errors, string zoneId, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var body = new List<CardElement> { Heading(texts.Calendar_WindowFormTitle), new TextBlock(texts.Calendar_WindowZone(zoneId)) { Wrap = true, IsSubtle = true } };
        body.Add(new ChoiceSetInput("kind", [.. Enum.GetValues<WindowKind>().Select(k => new Choice(KindText(k, texts), k.ToString()))])
        {
            Label = texts.Calendar_Field_Kind, IsRequired = true, ErrorMessage = texts.Calendar_Error_Kind, Value = form.Kind,
        });
        AddError(body, errors, "kind");
        body.Add(new TextInput("name") { Label = texts.Calendar_Field_Name, IsRequired = true, MaxLength = CalendarWindowForm.MaxName, ErrorMessage = texts.Calendar_Error_Name, Value = form.Name });
        AddError(body, errors, "name");
        body.Add(DateTime("start", texts.Calendar_Field_Start, form.StartDate, form.StartTime, texts));
        AddError(body, errors, "startDate");
        body.Add(DateTime("end", texts.Calendar_Field_End, form.EndDate, form.EndTime, texts));
        AddError(body, errors, "endDate");
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Calendar_Save, CalendarVerbs.AddWindow) { Data = new { }, AssociatedInputs = AssociatedInputs.Auto },
                new ExecuteAction(texts.Calendar_Cancel, CalendarVerbs.Show) { Data = new { }, AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = texts.Calendar_WindowFormTitle,
        };
    }

    /// <summary>What the administrator is told when a calendar file or link was not read.</summary>
    public static string FileProblem(Texts texts, DownloadProblem problem, int maxKilobytes) => problem switch
    {
        DownloadProblem.NotHttps => texts.Calendar_FileNotHttps,
        DownloadProblem.TooLarge => texts.Calendar_FileTooLarge(maxKilobytes),
        _ => texts.Calendar_FileFailed,
    };

    /// <summary>The .ics form: paste the file's text, as <c>import</c> takes a CSV.</summary>
    public static AdaptiveCard ImportForm(Texts texts, string? error = null)
    {
        var body = new List<CardElement> { Heading(texts.Calendar_ImportTitle), new TextBlock(texts.Calendar_ImportIntro) { Wrap = true } };
        body.Add(new TextInput("ics") { Label = texts.Calendar_ImportLabel, IsMultiline = true, MaxLength = MaxIcsLength });
        body.Add(new TextInput("url") { Label = texts.Calendar_ImportUrlLabel, MaxLength = 2000, Placeholder = "https://" });
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention, Spacing = Spacing.None });
        }
        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(texts.Calendar_Import, CalendarVerbs.Import) { Data = new { }, AssociatedInputs = AssociatedInputs.Auto },
                new ExecuteAction(texts.Calendar_Cancel, CalendarVerbs.Show) { Data = new { }, AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = texts.Calendar_ImportTitle,
        };
    }

    public static string KindText(WindowKind kind, Texts texts) => kind switch
    {
        WindowKind.Testing => texts.Calendar_Kind_Testing,
        WindowKind.Exams => texts.Calendar_Kind_Exams,
        _ => texts.Calendar_Kind_Freeze,
    };

    private static string DayLine(SchoolCalendar calendar, DateOnly date, Texts texts)
    {
        var day = PeopleTime.Day(date, texts);
        if (calendar.Closures.FirstOrDefault(c => c.Date == date) is { } closure)
        {
            return texts.Calendar_DayClosed(day, CardText.Escape(closure.Name));
        }
        if (calendar.Breaks.FirstOrDefault(b => b.Contains(date)) is { } pause)
        {
            return texts.Calendar_DayBreak(day, CardText.Escape(pause.Name));
        }
        return calendar.SchoolDays.Contains(date.DayOfWeek) ? texts.Calendar_DayOpen(day) : texts.Calendar_DayNoSchool(day);
    }

    private static List<CardElement> ComingUp(SchoolCalendar calendar, DateTimeOffset now, DateOnly today, Texts texts)
    {
        var zone = PeopleTime.ZoneOrUtc(calendar.ZoneId);
        var lines = new List<(DateTimeOffset At, CardElement Element)>();
        foreach (var window in calendar.Windows.Where(w => w.End > now))
        {
            var text = texts.Calendar_WindowLine(KindText(window.Kind, texts), CardText.Escape(window.Name), PeopleTime.Moment(window.Start, zone, texts), PeopleTime.Moment(window.End, zone, texts));
            lines.Add((window.Start, new ColumnSet(
                new Column(new TextBlock(text) { Wrap = true }) { Width = ColumnWidth.Stretch },
                new Column(new ActionSet(new ExecuteAction(texts.Calendar_Remove, CalendarVerbs.RemoveWindow) { Data = new WindowRefData(window.Id), AssociatedInputs = AssociatedInputs.None })) { Width = ColumnWidth.Auto })));
        }
        foreach (var closure in calendar.Closures.Where(c => c.Date >= today))
        {
            lines.Add((CalendarZones.ToInstant(closure.Date, TimeOnly.MinValue, calendar.ZoneId), new TextBlock(texts.Calendar_ClosureLine(PeopleTime.Day(closure.Date, texts), CardText.Escape(closure.Name))) { Wrap = true }));
        }
        foreach (var pause in calendar.Breaks.Where(b => b.Last >= today))
        {
            lines.Add((CalendarZones.ToInstant(pause.First, TimeOnly.MinValue, calendar.ZoneId), new TextBlock(texts.Calendar_BreakLine(CardText.Escape(pause.Name), PeopleTime.Day(pause.First, texts), PeopleTime.Day(pause.Last, texts))) { Wrap = true }));
        }
        return lines.Count == 0
            ? [new TextBlock(texts.Calendar_Nothing) { Wrap = true, IsSubtle = true }]
            : [.. lines.OrderBy(l => l.At).Take(MaxComingUp).Select(l => l.Element)];
    }

    private static ColumnSet DateTime(string prefix, string label, string? date, string? time, Texts texts)
    {
        var error = prefix == "start" ? texts.Calendar_Error_Start : texts.Calendar_Error_End;
        return new(
            new Column(new DateInput(prefix + "Date") { Label = label, IsRequired = true, ErrorMessage = error, Value = ParseDate(date) }) { Width = ColumnWidth.Stretch },
            new Column(new TimeInput(prefix + "Time") { Label = texts.Calendar_Field_Time, IsRequired = true, ErrorMessage = error, Value = ParseTime(time) }) { Width = ColumnWidth.Stretch });
    }

    private static void AddError(List<CardElement> body, IReadOnlyDictionary<string, string> errors, string field)
    {
        if (errors.TryGetValue(field, out var error))
        {
            body.Add(new TextBlock(error) { Wrap = true, Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }

    private static string Days(IReadOnlyList<DayOfWeek> days, Texts texts) =>
        string.Join(", ", days.OrderBy(d => ((int)d + 6) % 7).Select(d => texts.Culture.DateTimeFormat.GetAbbreviatedDayName(d)));

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };

    private static TextBlock Subheading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium };
}
