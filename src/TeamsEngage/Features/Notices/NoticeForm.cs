using TeamsEngage.Localization;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Notices;

/// <summary>
/// The composer's fields exactly as typed (all strings), so an invalid form comes back with what the author wrote.
/// Input ids on the composer card are these property names in camelCase.
/// </summary>
public sealed record NoticeForm(
    string? NoticeId = null,
    string Title = "",
    string What = "",
    string Why = "",
    string StartDate = "",
    string StartTime = "",
    string EndDate = "",
    string EndTime = "",
    string TimeZone = "",
    string Impact = nameof(NoticeImpact.None),
    string Audience = nameof(AudienceKind.Everyone),
    string Departments = "",
    string Roles = "",
    string Pilot = "",
    string Links = "",
    [property: JsonConverter(typeof(ToggleConverter))] bool Ack = false,
    string Answers = "",
    [property: JsonConverter(typeof(ToggleConverter))] bool Urgent = false,
    string Image = "",
    [property: JsonConverter(typeof(ToggleConverter))] bool Tell = false,
    [property: JsonConverter(typeof(ToggleConverter))] bool AckAgain = false)
{
    public const int TitleMax = 120;
    public const int TextMax = 2000;

    /// <summary>The form as the author meant it: surrounding spaces gone, absent fields empty.</summary>
    public NoticeForm Tidied() => new(
        string.IsNullOrWhiteSpace(NoticeId) ? null : NoticeId.Trim(),
        Tidy(Title), Tidy(What), Tidy(Why),
        Tidy(StartDate), Tidy(StartTime), Tidy(EndDate), Tidy(EndTime), Tidy(TimeZone),
        Tidy(Impact), Tidy(Audience), Tidy(Departments), Tidy(Roles), Tidy(Pilot), Tidy(Links),
        Ack, Tidy(Answers), Urgent, Tidy(Image), Tell, AckAgain);

    /// <summary>What the author asked beyond the change itself (the toggles of the edit form).</summary>
    [JsonIgnore]
    public NoticeTelling Telling => new(Tell, AckAgain);

    /// <summary>The form that edits an existing notice; pilot people are shown by email (or key) so they resolve again.</summary>
    public static NoticeForm FromNotice(Notice notice, IReadOnlyDictionary<string, string> pilotLabels)
    {
        var c = notice.Content;
        var zone = PeopleTime.Find(c.Window.TimeZone) ?? System.TimeZoneInfo.Utc;
        var (startDate, startTime) = PeopleTime.ToLocal(c.Window.Start, zone);
        var (endDate, endTime) = PeopleTime.ToLocal(c.Window.End, zone);
        var values = c.Audience.Values;
        return new NoticeForm(
            notice.Id, c.Title, c.What, c.Why,
            DateText(startDate), TimeText(startTime), DateText(endDate), TimeText(endTime),
            c.Window.TimeZone, c.Impact.ToString(), c.Audience.Kind.ToString(),
            c.Audience.Kind == AudienceKind.Departments ? string.Join(',', values) : "",
            c.Audience.Kind == AudienceKind.Roles ? string.Join(',', values) : "",
            c.Audience.Kind == AudienceKind.People ? string.Join(", ", values.Select(v => pilotLabels.GetValueOrDefault(v, v))) : "",
            string.Join('\n', c.Links.Select(l => l.AbsoluteUri)),
            c.AckRequired,
            string.Join(", ", c.Answers ?? []),
            c.Urgent,
            c.Image?.AbsoluteUri ?? "");
    }

    /// <summary>A new form with dates proposed for tomorrow evening in the author's zone.</summary>
    public static NoticeForm Blank(DateTimeOffset now, string timeZone)
    {
        var zone = PeopleTime.Find(timeZone) ?? System.TimeZoneInfo.Utc;
        var (today, _) = PeopleTime.ToLocal(now, zone);
        var tomorrow = DateText(today.AddDays(1));
        return new NoticeForm(StartDate: tomorrow, StartTime: "18:00", EndDate: tomorrow, EndTime: "20:00", TimeZone: timeZone, Ack: true);
    }

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeText(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Splits a list typed or chosen in the card (commas, semicolons, new lines).</summary>
    public static IReadOnlyList<string> SplitList(string text) =>
        text.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Card data is bound without nullable checks: a field sent as null arrives as null.
    private static string Tidy(string? text) => text?.Trim() ?? "";
}

/// <summary>Reads a Teams toggle, which arrives as the string "true" or "false" (or a JSON boolean from a test or an old card).</summary>
public sealed class ToggleConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.String => string.Equals(reader.GetString()?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
