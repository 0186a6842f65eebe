using System.Globalization;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Polls;

/// <summary>The outcome of reading the composer: a poll spec, or the resource key of the first problem.</summary>
public sealed record ComposerResult(PollSpec? Spec, string? ErrorKey);

/// <summary>Reads the composer card's inputs into a <see cref="PollSpec"/>.</summary>
public static class PollComposer
{
    /// <summary>Reads the inputs; dates and times are in <paramref name="timeZone"/>, the author's.</summary>
    public static ComposerResult Read(ComposerData data, TimeZoneInfo timeZone, DateTimeOffset now)
    {
        var question = Clean(data.Question);
        if (question.Length == 0 || question.Length > PollLimits.MaxQuestionLength)
        {
            return Fail(TextKeys.Poll_Error_Question);
        }
        var options = (data.Options ?? string.Empty).Split('\n').Select(Clean).Where(o => o.Length > 0).ToList();
        if (options.Count is < PollLimits.MinOptions or > PollLimits.MaxOptions || options.Any(o => o.Length > PollLimits.MaxOptionLength))
        {
            return Fail(TextKeys.Poll_QuickForm_OptionCount);
        }
        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            return Fail(TextKeys.Poll_QuickForm_Duplicate);
        }
        if (!Enum.TryParse<ResultsVisibility>(data.Results ?? nameof(ResultsVisibility.Live), ignoreCase: true, out var results))
        {
            return Fail(TextKeys.Poll_Error_Results);
        }
        if (ReadClosing(data, timeZone) is not { } closesAt || closesAt <= now)
        {
            return Fail(TextKeys.Poll_Error_Closing);
        }
        if (ReadAudience(data) is not { } audience)
        {
            return Fail(TextKeys.Poll_Error_Audience);
        }
        var anonymous = IsOn(data.Anonymous);
        // Anonymous results are never live: numbers seen before and after one vote would show that vote.
        var shown = anonymous && results == ResultsVisibility.Live ? ResultsVisibility.AfterClose : results;
        var grouping = anonymous && Enum.TryParse<PollGrouping>(data.Breakdown, ignoreCase: true, out var g) && Enum.IsDefined(g) ? g : PollGrouping.None;
        return new ComposerResult(new PollSpec(question, options, data.Mode == "multiple", IsOn(data.Comment), anonymous, shown, closesAt, audience, grouping), null);
    }

    /// <summary>The audience of the composer, or null when a list is needed and missing.</summary>
    public static Audience? ReadAudience(ComposerData data)
    {
        if (!Enum.TryParse<AudienceKind>(data.AudienceKind ?? nameof(AudienceKind.Everyone), ignoreCase: true, out var kind))
        {
            return null;
        }
        var values = (data.AudienceValues ?? string.Empty).Split(',', ';', '\n').Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (kind == AudienceKind.Everyone)
        {
            return Audience.Everyone;
        }
        return values.Count == 0 ? null : new Audience(kind, values);
    }

    private static DateTimeOffset? ReadClosing(ComposerData data, TimeZoneInfo timeZone)
    {
        if (!DateOnly.TryParseExact(data.CloseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }
        var time = TimeOnly.TryParseExact(data.CloseTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(17, 0);
        return PeopleTime.ToInstant(date, time, timeZone);
    }

    private static bool IsOn(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static string Clean(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static ComposerResult Fail(string key) => new(null, key);
}
