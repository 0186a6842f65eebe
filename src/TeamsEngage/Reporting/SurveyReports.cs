using TeamsEngage.Localization;

namespace TeamsEngage.Reporting;

/// <summary>Who reads survey results on the dashboard: the author reads their own surveys; administrators read any.</summary>
public sealed record SurveyReader(string UserId, bool Administrator);

/// <summary>
/// A sent survey as the dashboard lists it. <paramref name="Answered"/> is null when the survey's rules withhold it
/// (an anonymous survey answered by fewer than the minimum group size).
/// </summary>
public sealed record SurveyListing(string Id, string Title, bool Closed, bool Anonymous, DateTimeOffset CreatedAt, int Audience, int? Answered);

/// <summary>One bar of a question's distribution: an option (or a point of a scale), how many chose it and their share.</summary>
public sealed record SurveyBar(string Label, int Count, int Percent);

/// <summary>
/// What one question shows: how many answered, the distribution, the average and favourable share of a scale, or an
/// open question's frequent words; <paramref name="Withheld"/> is the sentence shown instead when its numbers are withheld.
/// </summary>
public sealed record SurveyQuestionFigures(
    string Text,
    bool Open,
    int Answered,
    IReadOnlyList<SurveyBar> Bars,
    string? Average,
    string? FavourableLabel,
    int? FavourablePercent,
    IReadOnlyList<(string Word, int Count)> Words,
    string? Withheld);

/// <summary>A survey's results as its results card would show them to the reader; <paramref name="Withheld"/> when none show.</summary>
public sealed record SurveyFigures(SurveyListing Survey, IReadOnlyList<SurveyQuestionFigures> Questions, string? Withheld);

/// <summary>
/// The surveys' results for the reports dashboard, implemented by the surveys feature with its own disclosure rules, so
/// the dashboard shows exactly what the results card shows and never decides what may be shown itself.
/// </summary>
public interface ISurveyReports
{
    /// <summary>The sent surveys created in [<paramref name="sentFrom"/>, <paramref name="sentBefore"/>) that <paramref name="reader"/> may read the results of, newest first.</summary>
    Task<IReadOnlyList<SurveyListing>> ListAsync(SurveyReader reader, DateTimeOffset sentFrom, DateTimeOffset sentBefore, CancellationToken cancellationToken);

    /// <summary>One survey's results in <paramref name="texts"/>' words, or null when it is unknown or not the reader's to read.</summary>
    Task<SurveyFigures?> ReadAsync(SurveyReader reader, string surveyId, Texts texts, CancellationToken cancellationToken);
}
