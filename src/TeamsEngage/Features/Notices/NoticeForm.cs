using TeamsEngage.Localization;
using System.Globalization;
using System.Text.Json;
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
    bool Ack = false)
{
    public const int TitleMax = 120;
    public const int TextMax = 2000;

    /// <summary>Reads the inputs Teams merged into the action data; missing fields are empty.</summary>
    public static NoticeForm FromData(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return new NoticeForm();
        }
        return new NoticeForm(
            NullIfEmpty(Read(data, "noticeId")),
            Read(data, "title").Trim(),
            Read(data, "what").Trim(),
            Read(data, "why").Trim(),
            Read(data, "startDate").Trim(),
            Read(data, "startTime").Trim(),
            Read(data, "endDate").Trim(),
            Read(data, "endTime").Trim(),
            Read(data, "timeZone").Trim(),
            Read(data, "impact").Trim(),
            Read(data, "audience").Trim(),
            Read(data, "departments").Trim(),
            Read(data, "roles").Trim(),
            Read(data, "pilot").Trim(),
            Read(data, "links").Trim(),
            string.Equals(Read(data, "ack"), "true", StringComparison.OrdinalIgnoreCase));
    }

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
            c.AckRequired);
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

    private static string Read(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.GetRawText(),
            _ => "",
        } : "";

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
