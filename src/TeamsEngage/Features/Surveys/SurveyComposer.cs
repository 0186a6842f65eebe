using System.Globalization;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Surveys;

/// <summary>The outcome of reading the composer: a survey spec, or the sentence saying what to fix.</summary>
public sealed record SurveyComposerResult(SurveySpec? Spec, string? Error);

/// <summary>Reads the composer card's inputs into a <see cref="SurveySpec"/>, with the ten-minute rule.</summary>
public static class SurveyComposer
{
    public static SurveyComposerResult Read(SurveyComposerData data, Texts texts, TimeZoneInfo timeZone, DateTimeOffset now)
    {
        var title = Clean(data.Title);
        if (title.Length is 0 or > SurveyLimits.MaxTitleLength)
        {
            return new(null, texts.Survey_Error_Title);
        }
        var intro = (data.Intro ?? string.Empty).Trim();
        if (intro.Length > SurveyLimits.MaxIntroLength)
        {
            return new(null, texts.Survey_Error_Intro);
        }
        var lines = SurveyQuestionLines.Read(data.Questions);
        if (lines.ErrorKey is { } key)
        {
            return new(null, lines.Line > 0 ? texts.Survey_Error_Line(lines.Line, texts[key]) : texts[key]);
        }
        if (SurveyTiming.ToCut(lines.Questions) is { Count: > 0 } cut)
        {
            var estimate = SurveyTiming.Format(SurveyTiming.Estimate(lines.Questions));
            return new(null, texts.Survey_Error_TooLong(estimate, string.Join(", ", cut)));
        }
        if (ReadClosing(data, timeZone) is not { } closesAt || closesAt <= now)
        {
            return new(null, texts.Survey_Error_Closing);
        }
        if (ReadAudience(data) is not { } audience)
        {
            return new(null, texts.Survey_Error_Audience);
        }
        var anonymous = string.Equals(data.Anonymous, "true", StringComparison.OrdinalIgnoreCase);
        var grouping = anonymous && Enum.TryParse<SurveyGrouping>(data.Breakdown, ignoreCase: true, out var g) && Enum.IsDefined(g) ? g : SurveyGrouping.None;
        return new(new SurveySpec(title, intro, lines.Questions, anonymous, closesAt, audience, grouping), null);
    }

    private static Audience? ReadAudience(SurveyComposerData data)
    {
        if (!Enum.TryParse<AudienceKind>(data.AudienceKind ?? nameof(AudienceKind.Everyone), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return null;
        }
        if (kind == AudienceKind.Everyone)
        {
            return Audience.Everyone;
        }
        var values = (data.AudienceValues ?? string.Empty).Split(',', ';', '\n').Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return values.Count == 0 ? null : new Audience(kind, values);
    }

    private static DateTimeOffset? ReadClosing(SurveyComposerData data, TimeZoneInfo timeZone)
    {
        if (!DateOnly.TryParseExact(data.CloseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }
        var time = TimeOnly.TryParseExact(data.CloseTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(17, 0);
        return PeopleTime.ToInstant(date, time, timeZone);
    }

    private static string Clean(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The templates for the stages of a rollout, in the author's language, editable in the composer.</summary>
public static class SurveyTemplates
{
    public static IReadOnlyList<string> Names { get; } = ["needs", "tools", "pilot", "rollout", "training"];

    /// <summary>The composer's starting values for a template; empty for <c>blank</c> or an unknown name.</summary>
    public static SurveyComposerData For(string? name, Texts texts) => name switch
    {
        "needs" => new(texts.Survey_Template_Needs_Title, texts.Survey_Template_Needs_Intro, texts.Survey_Template_Needs_Questions),
        "tools" => new(texts.Survey_Template_Tools_Title, texts.Survey_Template_Tools_Intro, texts.Survey_Template_Tools_Questions),
        "pilot" => new(texts.Survey_Template_Pilot_Title, texts.Survey_Template_Pilot_Intro, texts.Survey_Template_Pilot_Questions),
        "rollout" => new(texts.Survey_Template_Rollout_Title, texts.Survey_Template_Rollout_Intro, texts.Survey_Template_Rollout_Questions),
        "training" => new(texts.Survey_Template_Training_Title, texts.Survey_Template_Training_Intro, texts.Survey_Template_Training_Questions),
        _ => new(),
    };

    public static string NameKey(string name) => name switch
    {
        "needs" => TextKeys.Survey_Template_Needs_Name,
        "tools" => TextKeys.Survey_Template_Tools_Name,
        "pilot" => TextKeys.Survey_Template_Pilot_Name,
        "rollout" => TextKeys.Survey_Template_Rollout_Name,
        _ => TextKeys.Survey_Template_Training_Name,
    };
}
