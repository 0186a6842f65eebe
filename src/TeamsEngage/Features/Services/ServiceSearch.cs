using TeamsEngage.Catalogue;
using TeamsEngage.Localization;
using TeamsEngage.Search;

namespace TeamsEngage.Features.Services;

/// <summary>
/// The catalogue's search box: services whose name, description, audience or FAQ (in the person's language) share a
/// meaningful word with the query, best first, through the shared text search (stems, stop words, BM25).
/// </summary>
public sealed class ServiceSearch(TextSearch search)
{
    public IReadOnlyList<CatalogueService> Find(IReadOnlyList<CatalogueService> services, string query, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(texts);
        var byId = services.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var entries = services.Select(s => new SearchEntry(s.Id, string.Join(". ",
            [s.Name, s.Name, s.Description, s.Audience, .. s.FaqsIn(texts.Language).Select(f => f.Question)])));
        return [.. search.Find(entries, query, texts.Culture, Math.Max(1, services.Count)).Select(m => byId[m.Key])];
    }
}
