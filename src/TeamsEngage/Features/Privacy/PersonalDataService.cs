using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Privacy;

/// <summary>What an export or an erasure did: how many records, and the export itself.</summary>
public sealed record PersonalDataResult(int Records, byte[]? Json = null);

/// <summary>
/// Exports and erases one person across every feature, through the <see cref="IPersonalData"/> each registered. The
/// audit records who did it, when, the person key hashed and the count of records: never names or other erased data.
/// </summary>
public sealed partial class PersonalDataService(
    IEnumerable<IPersonalData> sources,
    DataSubjects subjects,
    PrivacyLinks links,
    DirectoryAudit audit,
    ITableStore store,
    TimeProvider clock,
    ILogger<PersonalDataService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Everything stored about the person as a JSON document with one section per feature; null when unknown.</summary>
    public async Task<PersonalDataResult?> ExportAsync(string personKey, CancellationToken cancellationToken)
    {
        if (await subjects.FindAsync(personKey, cancellationToken).ConfigureAwait(false) is not { } subject)
        {
            return null;
        }
        var sections = new List<PersonalDataSection>();
        foreach (var source in sources)
        {
            sections.Add(await source.ExportAsync(subject, cancellationToken).ConfigureAwait(false));
        }
        var document = new
        {
            ExportedAt = clock.GetUtcNow(),
            Sections = sections.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.SelectMany(s => s.Records).ToList()),
        };
        return new PersonalDataResult(sections.Sum(s => s.Records.Count), JsonSerializer.SerializeToUtf8Bytes(document, Json));
    }

    /// <summary>A signed link to the person's export, recorded in the audit; null when the person is unknown.</summary>
    public async Task<Uri?> CreateExportLinkAsync(string personKey, string actor, CancellationToken cancellationToken)
    {
        if (await ExportAsync(personKey, cancellationToken).ConfigureAwait(false) is not { } export)
        {
            return null;
        }
        var link = await links.CreateAsync(personKey, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(actor, "privacy.exported", Pseudonym(personKey), Count(export.Records), cancellationToken).ConfigureAwait(false);
        LogExported(logger, export.Records);
        return link;
    }

    /// <summary>
    /// Erases the person from every feature (tickets they reported stay, anonymised), revokes their export links, makes
    /// the deleted rows unrecoverable from the store's files, and records the erasure; null when the person is unknown.
    /// </summary>
    public async Task<PersonalDataResult?> EraseAsync(string personKey, string actor, CancellationToken cancellationToken)
    {
        if (await subjects.FindAsync(personKey, cancellationToken).ConfigureAwait(false) is not { } subject)
        {
            return null;
        }
        var records = 0;
        foreach (var source in sources)
        {
            records += await source.EraseAsync(subject, cancellationToken).ConfigureAwait(false);
        }
        records += await links.ForgetAsync(personKey, cancellationToken).ConfigureAwait(false);
        await store.ForgetDeletedAsync(cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(actor, "privacy.erased", Pseudonym(personKey), Count(records), cancellationToken).ConfigureAwait(false);
        LogErased(logger, records);
        return new PersonalDataResult(records);
    }

    /// <summary>What the audit names a person by: a hash of their key, so the entry outlives the erasure without naming them.</summary>
    public static string Pseudonym(string personKey) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(personKey)))[..24];

    private static string Count(int records) => records.ToString(System.Globalization.CultureInfo.InvariantCulture) + " records";

    [LoggerMessage(Level = LogLevel.Information, Message = "Exported the personal data of one person ({Records} records)")]
    private static partial void LogExported(ILogger logger, int records);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased the personal data of one person ({Records} records changed)")]
    private static partial void LogErased(ILogger logger, int records);
}
