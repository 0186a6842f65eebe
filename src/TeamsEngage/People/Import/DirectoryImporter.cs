using TeamsEngage.Localization;
using TeamsEngage.Bot;
using System.Globalization;

namespace TeamsEngage.People.Import;

/// <summary>Which file an import reads.</summary>
public enum ImportKind
{
    Departments,
    People,
}

/// <summary>A problem with one line: a resource key (Directory_Import_…) and its arguments.</summary>
public sealed record ImportIssue(int Line, string ReasonKey, IReadOnlyList<string> Args);

/// <summary>What an import did: rows changed, rows already as the file says, rows refused, and warnings about applied rows.</summary>
public sealed record ImportReport(int Applied, int Unchanged, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Warnings);

/// <summary>
/// Imports CSV files of departments (<c>department,code,liaison,backup,responseHours</c>) and people
/// (<c>email,department,role,language</c>). Every row is checked before anything is written; a bad row is reported
/// with its line and reason and skipped whole, and every good row is applied. Importing the same file twice changes nothing.
/// </summary>
public sealed class DirectoryImporter(PeopleDirectory directory, PeopleEditor people, DepartmentEditor departments)
{
    public Task<ImportReport> ImportAsync(ImportKind kind, string csv, string actor, CancellationToken cancellationToken) => kind switch
    {
        ImportKind.Departments => ImportDepartmentsAsync(csv, actor, cancellationToken),
        _ => ImportPeopleAsync(csv, actor, cancellationToken),
    };

    public async Task<ImportReport> ImportDepartmentsAsync(string csv, string actor, CancellationToken cancellationToken)
    {
        var (rows, errors) = ReadDepartments(csv);
        int applied = 0, unchanged = 0;
        var warnings = new List<ImportIssue>();
        foreach (var (line, department, liaisonRef, backupRef) in rows)
        {
            var liaison = liaisonRef is null ? null : await people.EnsurePersonAsync(liaisonRef, actor, cancellationToken).ConfigureAwait(false);
            var backup = backupRef is null ? null : await people.EnsurePersonAsync(backupRef, actor, cancellationToken).ConfigureAwait(false);
            var existing = await directory.FindDepartmentAsync(department.Code, cancellationToken).ConfigureAwait(false);
            var full = department with { LiaisonKey = liaison?.Key, BackupKey = backup?.Key, ChannelConversationId = existing?.ChannelConversationId };
            var outcome = await departments.ImportAsync(full, actor, cancellationToken).ConfigureAwait(false);
            applied += outcome == DepartmentChangeOutcome.Saved ? 1 : 0;
            unchanged += outcome == DepartmentChangeOutcome.Unchanged ? 1 : 0;
            if (outcome is not (DepartmentChangeOutcome.Saved or DepartmentChangeOutcome.Unchanged))
            {
                errors.Add(new ImportIssue(line, TextKeys.Directory_Import_ChangedMeanwhile, []));
            }
            warnings.AddRange(new[] { (Person: liaison, Reference: liaisonRef), (Person: backup, Reference: backupRef) }
                .Where(p => p.Person is { Installed: false })
                .Select(p => new ImportIssue(line, TextKeys.Directory_Import_NotInstalled, [p.Reference!])));
        }
        return new ImportReport(applied, unchanged, [.. errors.OrderBy(e => e.Line)], warnings);
    }

    /// <summary>
    /// How a people file may name a department: by its code or by its name, in any case, as a person would write it.
    /// A name two departments share, or one that is another department's code, names neither: the code must be used.
    /// </summary>
    private static Dictionary<string, string> DepartmentWords(IReadOnlyList<Department> departments)
    {
        var words = departments.ToDictionary(d => d.Code, d => d.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var byName in departments.GroupBy(d => d.Name.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            if (byName.Count() == 1 && !words.ContainsKey(byName.Key))
            {
                words[byName.Key] = byName.Single().Code;
            }
        }
        return words;
    }

    /// <summary>Checks every row of a departments file before anything is written: the good rows, and the bad ones by line.</summary>
    private static (List<(int Line, Department Department, string? Liaison, string? Backup)> Rows, List<ImportIssue> Errors) ReadDepartments(string csv)
    {
        var errors = new List<ImportIssue>();
        var rows = new List<(int Line, Department Department, string? Liaison, string? Backup)>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in WithoutHeader(CsvText.Parse(csv), "department"))
        {
            var c = record.Cells;
            var error = c.Count is < 5 or > 5 ? Issue(record, TextKeys.Directory_Import_ColumnCount, "5")
                : c[0].Length is 0 or > 100 ? Issue(record, TextKeys.Directory_Import_BadName)
                : !DepartmentCodes.IsValid(c[1]) ? Issue(record, TextKeys.Directory_Import_BadCode, c[1])
                : !codes.Add(DepartmentCodes.Normalize(c[1])) ? Issue(record, TextKeys.Directory_Import_DuplicateCode, c[1])
                : !IsPersonReference(c[2]) ? Issue(record, TextKeys.Directory_Import_BadPerson, c[2])
                : !IsPersonReference(c[3]) ? Issue(record, TextKeys.Directory_Import_BadPerson, c[3])
                : !int.TryParse(c[4], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 720 ? Issue(record, TextKeys.Directory_Import_BadHours, c[4])
                : null;
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }
            var department = new Department(DepartmentCodes.Normalize(c[1]), c[0], null, null, int.Parse(c[4], CultureInfo.InvariantCulture), null);
            rows.Add((record.Line, department, Blank(c[2]), Blank(c[3])));
        }
        return (rows, errors);
    }

    public async Task<ImportReport> ImportPeopleAsync(string csv, string actor, CancellationToken cancellationToken)
    {
        var departmentOf = DepartmentWords(await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false));
        var errors = new List<ImportIssue>();
        var rows = new List<(string Email, string? Department, Role Role, string? Language)>();
        var emails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in WithoutHeader(CsvText.Parse(csv), "email"))
        {
            var c = record.Cells;
            var error = c.Count is < 2 or > 4 ? Issue(record, TextKeys.Directory_Import_ColumnCount, "4")
                : !IsEmail(c[0]) ? Issue(record, TextKeys.Directory_Import_BadEmail, c[0])
                : !emails.Add(c[0].ToLowerInvariant()) ? Issue(record, TextKeys.Directory_Import_DuplicateEmail, c[0])
                : c[1].Length > 0 && !departmentOf.ContainsKey(c[1].Trim()) ? Issue(record, TextKeys.Directory_Import_UnknownDepartment, c[1])
                : RoleNames.TryParse(Cell(c, 2)) is null ? Issue(record, TextKeys.Directory_Import_BadRole, Cell(c, 2))
                : Cell(c, 3).Length > 0 && !Localization.Texts.IsSupported(Cell(c, 3)) ? Issue(record, TextKeys.Directory_Import_BadLanguage, Cell(c, 3))
                : null;
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }
            var language = Blank(Cell(c, 3))?.Split('-', '_')[0].ToLowerInvariant();
            rows.Add((c[0], c[1].Length > 0 ? departmentOf[c[1].Trim()] : null, RoleNames.TryParse(Cell(c, 2))!.Value, language));
        }

        int applied = 0, unchanged = 0;
        foreach (var (email, department, role, language) in rows)
        {
            var changed = await people.ImportPersonAsync(email, department, role, language, actor, cancellationToken).ConfigureAwait(false);
            applied += changed ? 1 : 0;
            unchanged += changed ? 0 : 1;
        }
        return new ImportReport(applied, unchanged, errors, []);
    }

    private static IEnumerable<CsvRecord> WithoutHeader(IReadOnlyList<CsvRecord> records, string firstColumn) =>
        records.Count > 0 && string.Equals(records[0].Cells[0], firstColumn, StringComparison.OrdinalIgnoreCase) ? records.Skip(1) : records;

    private static ImportIssue Issue(CsvRecord record, string key, params string[] args) => new(record.Line, key, args);

    private static string Cell(IReadOnlyList<string> cells, int index) => index < cells.Count ? cells[index] : string.Empty;

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static bool IsPersonReference(string value) => value.Length == 0 || IsEmail(value) || Guid.TryParse(value, out _);

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value.Length <= 254 && at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}
