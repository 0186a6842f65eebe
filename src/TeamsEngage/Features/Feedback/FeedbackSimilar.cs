using System.Globalization;
using System.Text.RegularExpressions;
using TeamsEngage.Search;

namespace TeamsEngage.Features.Feedback;

/// <summary>
/// Open items worded like a new one, offered before it is filed so people support an existing item instead of splitting
/// its count. An item is offered when at least <see cref="MinCoverage"/> of the new text's words (after stop words and
/// stemming) appear in it. Hyphens inside words are dropped first, so "Wi-Fi" and "wifi", "e-mail" and "email" meet.
/// </summary>
public sealed partial class FeedbackSimilar(TextSearch search)
{
    /// <summary>The share of the new text's analysed words an item must contain to be offered.</summary>
    public const double MinCoverage = 0.5;

    /// <summary>At most this many items are offered.</summary>
    public const int MaxOffered = 3;

    /// <summary>The open items most like <paramref name="text"/>, best first.</summary>
    public IReadOnlyList<FeedbackItem> Find(IReadOnlyList<FeedbackItem> open, string text, CultureInfo culture)
    {
        var byId = open.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return [.. search.Find(open.Select(i => new SearchEntry(i.Id, Joined(i.Text))), Joined(text), culture, MaxOffered * 3)
            .Where(m => m.Coverage >= MinCoverage)
            .Take(MaxOffered)
            .Select(m => byId[m.Key])];
    }

    private static string Joined(string text) => InnerHyphen().Replace(text, "");

    [GeneratedRegex(@"(?<=\p{L})-(?=\p{L})")]
    private static partial Regex InnerHyphen();
}
