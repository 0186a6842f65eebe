using System.Globalization;
using TeamsEngage.Search;

namespace TeamsEngage.Catalogue;

/// <summary>An FAQ entry that answers a person's text, and the service it belongs to.</summary>
public sealed record FaqAnswer(CatalogueService Service, FaqEntry Entry);

/// <summary>
/// Finds the FAQ entries that answer what a person typed, in their language, with the shared text search (stems, stop
/// words, BM25). An entry counts when it holds at least half of the text's meaningful words (question and answer both
/// count, the service's name too) and scores at least half of the best match, so one shared common word is not an answer.
/// </summary>
public sealed class FaqFinder(TextSearch search)
{
    /// <summary>Share of the text's meaningful words an entry must hold.</summary>
    public const double MinCoverage = 0.5;

    /// <summary>Score an entry must reach, relative to the best one.</summary>
    public const double MinShareOfBest = 0.5;

    /// <summary>The best answers, at most <paramref name="take"/>, best first; none when nothing answers well enough.</summary>
    public IReadOnlyList<FaqAnswer> Find(IReadOnlyList<CatalogueService> services, string text, CultureInfo culture, int take = 3)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(culture);
        var language = culture.TwoLetterISOLanguageName;
        var entries = new Dictionary<string, FaqAnswer>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            var faqs = service.Faqs.Where(f => f.Language == language).ToList();
            for (var i = 0; i < faqs.Count; i++)
            {
                entries[$"{service.Id}/{i}"] = new FaqAnswer(service, faqs[i]);
            }
        }
        if (entries.Count == 0 || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var matches = search.Find(entries.Select(e => new SearchEntry(e.Key, $"{e.Value.Service.Name}. {e.Value.Entry.Question} {e.Value.Entry.Answer}")), text, culture, take * 4);
        var best = matches.Count == 0 ? 0 : matches.Max(m => m.Score);
        return [.. matches
            .Where(m => m.Coverage >= MinCoverage && m.Score >= best * MinShareOfBest)
            .Take(take)
            .Select(m => entries[m.Key])];
    }
}
