using System.Globalization;
using TeamsEngage.Localization;
using TeamsEngage.People.Import;
using TeamsEngage.Storage;

namespace TeamsEngage.Catalogue;

/// <summary>Which catalogue file an import reads.</summary>
public enum CatalogueFile
{
    /// <summary><c>id,name,description,audience,help,owner,highHours,normalHours,lowHours,links</c>.</summary>
    Services,
    /// <summary><c>service,language,question,answer</c>: replaces the FAQ of each service and language the file names.</summary>
    Faq,
}

/// <summary>
/// Imports the catalogue from CSV, as the directory imports departments: every row is checked first, a bad row is
/// reported with its line and reason and skipped, every good row applied (audited by the catalogue), and importing the
/// same file twice changes nothing. A service's status is never set by a file: status changes are announced in Teams.
/// </summary>
public sealed class CatalogueImporter(ServiceCatalogue catalogue, TimeProvider clock)
{
    public const int MaxText = 2000;

    public Task<ImportReport> ImportAsync(CatalogueFile file, string csv, string actor, CancellationToken cancellationToken) => file switch
    {
        CatalogueFile.Services => ImportServicesAsync(csv, actor, cancellationToken),
        _ => ImportFaqAsync(csv, actor, cancellationToken),
    };

    private async Task<ImportReport> ImportServicesAsync(string csv, string actor, CancellationToken cancellationToken)
    {
        var errors = new List<ImportIssue>();
        int applied = 0, unchanged = 0;
        foreach (var record in Rows(csv, "id"))
        {
            var (service, problem) = ReadService(record.Cells);
            if (problem is not null)
            {
                errors.Add(new ImportIssue(record.Line, problem, [record.Cells.Count > 0 ? record.Cells[0] : string.Empty]));
                continue;
            }
            var existing = await catalogue.FindAsync(service!.Id, cancellationToken).ConfigureAwait(false);
            var full = service with { Faqs = existing?.Faqs ?? [], Status = existing?.Status ?? ServiceStatus.OperationalSince(clock.GetUtcNow()) };
            var outcome = await catalogue.SaveAsync(full, actor, cancellationToken).ConfigureAwait(false);
            applied += outcome == UpdateOutcome.Written ? 1 : 0;
            unchanged += outcome == UpdateOutcome.Unchanged ? 1 : 0;
            if (outcome is not (UpdateOutcome.Written or UpdateOutcome.Unchanged))
            {
                errors.Add(new ImportIssue(record.Line, TextKeys.Directory_Import_ChangedMeanwhile, []));
            }
        }
        return new ImportReport(applied, unchanged, errors, []);
    }

    private async Task<ImportReport> ImportFaqAsync(string csv, string actor, CancellationToken cancellationToken)
    {
        var errors = new List<ImportIssue>();
        var entries = new List<(int Line, string Service, FaqEntry Entry)>();
        foreach (var record in Rows(csv, "service"))
        {
            var c = record.Cells;
            var cell = (int i) => i < c.Count ? c[i] : string.Empty;
            var language = cell(1).ToLowerInvariant();
            if (!Texts.SupportedLanguages.Contains(language))
            {
                errors.Add(new ImportIssue(record.Line, TextKeys.Catalogue_Import_BadLanguage, [cell(1)]));
            }
            else if (cell(2).Length is 0 or > MaxText || cell(3).Length is 0 or > MaxText)
            {
                errors.Add(new ImportIssue(record.Line, TextKeys.Catalogue_Import_BadFaq, [cell(0)]));
            }
            else
            {
                entries.Add((record.Line, cell(0).ToLowerInvariant(), new FaqEntry(language, cell(2), cell(3))));
            }
        }
        int applied = 0, unchanged = 0;
        foreach (var group in entries.GroupBy(e => e.Service))
        {
            var service = await catalogue.FindAsync(group.Key, cancellationToken).ConfigureAwait(false);
            if (service is null)
            {
                errors.AddRange(group.Select(e => new ImportIssue(e.Line, TextKeys.Catalogue_Import_UnknownService, [group.Key])));
                continue;
            }
            var languages = group.Select(e => e.Entry.Language).ToHashSet();
            var faqs = service.Faqs.Where(f => !languages.Contains(f.Language)).Concat(group.Select(e => e.Entry)).ToList();
            var outcome = await catalogue.SaveAsync(service with { Faqs = faqs }, actor, cancellationToken).ConfigureAwait(false);
            applied += outcome == UpdateOutcome.Written ? 1 : 0;
            unchanged += outcome == UpdateOutcome.Unchanged ? 1 : 0;
        }
        return new ImportReport(applied, unchanged, [.. errors.OrderBy(e => e.Line)], []);
    }

    /// <summary>A service read from the cells of a row or a form, or the resource key of what is wrong.</summary>
    public static (CatalogueService? Service, string? Problem) ReadService(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var cell = (int i) => i < cells.Count ? cells[i].Trim() : string.Empty;
        var id = cell(0).ToLowerInvariant();
        if (!ServiceCatalogue.IsValidId(id))
        {
            return (null, TextKeys.Catalogue_Import_BadId);
        }
        if (cell(1).Length is 0 or > 100 || cell(2).Length > MaxText || cell(3).Length > 500 || cell(4).Length > MaxText)
        {
            return (null, TextKeys.Catalogue_Import_BadText);
        }
        var hours = new int?[3];
        for (var i = 0; i < 3; i++)
        {
            if (!TryHours(cell(6 + i), out hours[i]))
            {
                return (null, TextKeys.Catalogue_Import_BadHours);
            }
        }
        if (ReadLinks(cell(9)) is not { } links)
        {
            return (null, TextKeys.Catalogue_Import_BadLink);
        }
        var owner = cell(5).Length == 0 ? null : cell(5).ToUpperInvariant();
        return (new CatalogueService(id, cell(1), cell(2), cell(3), cell(4), owner, new ServicePromise(hours[0], hours[1], hours[2]), [], links, ServiceStatus.OperationalSince(DateTimeOffset.UnixEpoch)), null);
    }

    /// <summary>Links written <c>Title|https://…; Title|https://…</c>; null when one is not an https address.</summary>
    public static IReadOnlyList<ServiceLink>? ReadLinks(string text)
    {
        var links = new List<ServiceLink>();
        foreach (var part in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('|', 2, StringSplitOptions.TrimEntries);
            var url = pieces[^1];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || links.Count == 10)
            {
                return null;
            }
            links.Add(new ServiceLink(pieces.Length == 2 && pieces[0].Length > 0 ? pieces[0] : uri.Host, uri.AbsoluteUri));
        }
        return links;
    }

    /// <summary>Empty (the department's promise) or a whole number of hours from 1 to 720.</summary>
    public static bool TryHours(string text, out int? hours)
    {
        hours = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 720)
        {
            hours = value;
            return true;
        }
        return false;
    }

    private static IEnumerable<CsvRecord> Rows(string csv, string header) =>
        CsvText.Parse(csv).Where((r, i) => !(i == 0 && string.Equals(r.Cells[0], header, StringComparison.OrdinalIgnoreCase)));
}
