using TeamsEngage.Bot;
using System.Globalization;
using TeamsEngage.Cards;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>The composer (new notice, draft or live edit) and the reschedule form, with the errors of the last attempt.</summary>
public static class NoticeComposerCards
{
    /// <summary>
    /// The composer. <paramref name="live"/> means the notice already went out (or is scheduled): its audience is fixed
    /// and the button saves and updates delivered cards instead of previewing. <paramref name="reached"/> (a notice that
    /// went out) is how many people have it: the form says who a change tells, and offers to tell them or ask again.
    /// </summary>
    public static AdaptiveCard Composer(NoticeForm form, IReadOnlyList<string> errors, IReadOnlyList<Department> departments, IReadOnlyList<string> zones, Texts texts, bool live = false, int? reached = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(texts[live ? TextKeys.Notice_EditTitle : TextKeys.Notice_ComposerTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
        };
        body.AddRange(Errors(errors, texts));
        body.Add(Text("title", texts.Notice_Field_Title, form.Title, NoticeForm.TitleMax, multiline: false, required: true, texts));
        body.Add(Text("what", texts.Notice_Field_What, form.What, NoticeForm.TextMax, multiline: true, required: true, texts));
        body.Add(Text("why", texts.Notice_Field_Why, form.Why, NoticeForm.TextMax, multiline: true, required: false, texts));
        body.AddRange(WindowInputs(form, zones, texts));
        body.Add(new ChoiceSetInput("impact", [.. Enum.GetValues<NoticeImpact>().Select(i => new Choice(texts[NoticeCards.ImpactKey(i)], i.ToString()))])
        {
            Label = texts.Notice_Field_Impact,
            Value = form.Impact,
            Style = ChoiceInputStyle.Expanded,
        });
        if (live)
        {
            body.Add(new TextBlock(texts.Notice_AudienceFixed) { IsSubtle = true, Wrap = true });
        }
        else
        {
            body.AddRange(AudienceInputs(form, departments, texts));
        }
        body.Add(Text("links", texts.Notice_Field_Links, form.Links, 1000, multiline: true, required: false, texts) with { Placeholder = texts.Notice_LinksPlaceholder });
        body.Add(Text("image", texts.Notice_Field_Image, form.Image, NoticeValidator.MaxImageLink, multiline: false, required: false, texts) with { Placeholder = texts.Notice_ImagePlaceholder });
        body.Add(Text("answers", texts.Notice_Field_Answers, form.Answers, 300, multiline: false, required: false, texts) with { Placeholder = "FB-…" });
        body.Add(new ToggleInput("ack", texts.Notice_Field_Ack) { Value = form.Ack ? "true" : "false", ValueOn = "true", ValueOff = "false", Wrap = true });
        body.Add(new ToggleInput("urgent", texts.Notice_Field_Urgent) { Value = form.Urgent ? "true" : "false", ValueOn = "true", ValueOff = "false", Wrap = true });
        if (live && reached is { } people)
        {
            body.AddRange(Telling(form, people, texts));
        }
        var verb = live ? NoticeVerbs.Save : form.NoticeId is null ? NoticeVerbs.Preview : NoticeVerbs.Revise;
        return new AdaptiveCard([.. body])
        {
            Actions = [new ExecuteAction(texts[live ? TextKeys.Notice_SaveChanges : TextKeys.Notice_Preview], verb) { Data = new NoticeActionData(form.NoticeId), Style = ActionStyle.Positive }],
            FallbackText = texts.Notice_ComposerTitle,
        };
    }

    /// <summary>The reschedule form: only the window.</summary>
    /// <remarks><paramref name="reached"/>: how many people have the notice, all of whom a new window tells.</remarks>
    public static AdaptiveCard Reschedule(Notice notice, NoticeForm form, IReadOnlyList<string> errors, IReadOnlyList<string> zones, Texts texts, int? reached = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(texts.Notice_RescheduleTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            CardText.UserText(notice.Content.Title, 120),
        };
        body.AddRange(Errors(errors, texts));
        body.AddRange(WindowInputs(form, zones, texts));
        if (reached is { } people && people > 0)
        {
            var forecast = notice.Content.AckRequired ? texts.Notice_RescheduleForecastAck(people) : texts.Notice_RescheduleForecast(people);
            body.Add(new TextBlock(forecast) { Wrap = true, Weight = TextWeight.Bolder, Color = TextColor.Accent, Spacing = Spacing.Medium });
        }
        return new AdaptiveCard([.. body])
        {
            Actions = [new ExecuteAction(texts.Notice_SaveChanges, NoticeVerbs.RescheduleSave) { Data = new NoticeActionData(notice.Id), Style = ActionStyle.Positive }],
            FallbackText = texts.Notice_RescheduleTitle,
        };
    }

    // What saving will do for the people the notice reached, and the two choices the author has beyond the change itself.
    private static IEnumerable<CardElement> Telling(NoticeForm form, int reached, Texts texts)
    {
        var forecast = form.Ack ? texts.Notice_EditForecast(reached) : texts.Notice_EditForecastNoAck(reached);
        yield return new TextBlock(forecast) { Wrap = true, Weight = TextWeight.Bolder, Color = TextColor.Accent, Spacing = Spacing.Medium };
        yield return new ToggleInput("tell", texts.Notice_Field_Tell) { Value = form.Tell ? "true" : "false", ValueOn = "true", ValueOff = "false", Wrap = true };
        yield return new ToggleInput("ackAgain", texts.Notice_Field_AckAgain) { Value = form.AckAgain ? "true" : "false", ValueOn = "true", ValueOff = "false", Wrap = true };
    }

    internal static IEnumerable<CardElement> Errors(IReadOnlyList<string> errors, Texts texts)
    {
        if (errors.Count == 0)
        {
            yield break;
        }
        yield return new Container([
            new TextBlock(texts.Notice_ErrorsTitle) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Wrap = true },
            .. errors.Select(e => (CardElement)CardText.UserText("• " + e))])
        {
            Style = ContainerStyle.Attention,
        };
    }

    private static IEnumerable<CardElement> WindowInputs(NoticeForm form, IReadOnlyList<string> zones, Texts texts)
    {
        yield return DateTimeRow("start", texts.Notice_Field_Start, form.StartDate, form.StartTime, texts);
        yield return DateTimeRow("end", texts.Notice_Field_End, form.EndDate, form.EndTime, texts);
        var offered = zones.Contains(form.TimeZone, StringComparer.Ordinal) || PeopleTime.Find(form.TimeZone) is null ? zones : [form.TimeZone, .. zones];
        yield return new ChoiceSetInput("timeZone", [.. offered.Select(z => new Choice(z, z))])
        {
            Label = texts.Notice_Field_TimeZone,
            Value = string.IsNullOrEmpty(form.TimeZone) ? offered[0] : CardText.Clean(form.TimeZone),
            IsRequired = true,
            ErrorMessage = texts.Notice_Error_TimeZone,
        };
    }

    private static ColumnSet DateTimeRow(string prefix, string label, string date, string time, Texts texts) => new(
        new Column(new DateInput(prefix + "Date") { Label = label, Value = ParseDate(date), IsRequired = true, ErrorMessage = texts.Notice_Error_DateTime(label) }) { Width = ColumnWidth.Stretch },
        new Column(new TimeInput(prefix + "Time") { Label = texts.Notice_Field_Time, Value = ParseTime(time), IsRequired = true, ErrorMessage = texts.Notice_Error_DateTime(label) }) { Width = ColumnWidth.Stretch });

    private static IEnumerable<CardElement> AudienceInputs(NoticeForm form, IReadOnlyList<Department> departments, Texts texts)
    {
        yield return new ChoiceSetInput("audience", [.. Enum.GetValues<AudienceKind>().Select(k => new Choice(texts["Notice_Audience_" + k.ToString()], k.ToString()))])
        {
            Label = texts.Notice_Field_Audience,
            Value = form.Audience,
            Style = ChoiceInputStyle.Expanded,
        };
        if (departments.Count > 0)
        {
            yield return new ChoiceSetInput("departments", [.. departments.Select(d => new Choice(CardText.Escape(string.Create(CultureInfo.InvariantCulture, $"{d.Name} ({d.Code})")), d.Code))])
            {
                Label = texts.Notice_Field_Departments,
                IsMultiSelect = true,
                Value = string.IsNullOrEmpty(form.Departments) ? null : CardText.Clean(form.Departments),
            };
        }
        yield return new ChoiceSetInput("roles", [.. Enum.GetValues<Role>().Select(r => new Choice(texts["Notice_Role_" + r.ToString()], r.ToString()))])
        {
            Label = texts.Notice_Field_Roles,
            IsMultiSelect = true,
            Value = string.IsNullOrEmpty(form.Roles) ? null : CardText.Clean(form.Roles),
        };
        yield return Text("pilot", texts.Notice_Field_Pilot, form.Pilot, 2000, multiline: true, required: false, texts) with { Placeholder = texts.Notice_PilotPlaceholder };
    }

    private static TextInput Text(string id, string label, string value, int max, bool multiline, bool required, Texts texts) => new(id)
    {
        Label = label,
        Value = string.IsNullOrEmpty(value) ? null : CardText.Clean(value),
        MaxLength = max,
        IsMultiline = multiline ? true : null,
        IsRequired = required ? true : null,
        ErrorMessage = required ? texts.Notice_Error_Required(label) : null,
    };

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static TimeOnly? ParseTime(string text) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
