using System.Globalization;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>
/// The directory's part of an export and an erasure: the person's row and index rows, the departments that name them
/// as liaison or backup, and the audit entries that mention them. It also purges old audit entries.
/// </summary>
public sealed class DirectoryPersonalData(PeopleDirectory directory, ITableStore store, DirectoryAudit audit) : IPersonalData, IRetainedData
{
    private readonly IStoreTable _people = store.Table(PeopleRows.PeopleTable);
    private readonly IStoreTable _departments = store.Table(PeopleRows.DepartmentsTable);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var records = new List<IReadOnlyDictionary<string, string?>>();
        if (await directory.FindRecordAsync(subject.PersonKey, cancellationToken).ConfigureAwait(false) is { } record)
        {
            var p = record.Person;
            records.Add(new Dictionary<string, string?>
            {
                ["key"] = p.Key,
                ["userId"] = p.UserId ?? record.LeftUserId,
                ["name"] = p.Name,
                ["email"] = p.Email,
                ["department"] = p.DepartmentCode,
                ["departmentSource"] = p.DepartmentSource.ToString(),
                ["role"] = p.Role.ToString(),
                ["language"] = p.Language,
                ["school"] = p.School,
                ["leftAt"] = p.LeftAt?.ToString("O", CultureInfo.InvariantCulture),
            });
        }
        return new PersonalDataSection("profile", records);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var mentions = new List<string> { subject.PersonKey };
        mentions.AddRange(subject.UserIds);
        if (subject.Email is { } email)
        {
            mentions.Add(email);
        }
        var removed = await DeleteDirectoryRowsAsync(subject, cancellationToken).ConfigureAwait(false);
        removed += await UnassignAsync(subject.PersonKey, cancellationToken).ConfigureAwait(false);
        return removed + await audit.EraseMentionsAsync(mentions, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> PurgeAsync(DateTimeOffset now, RetentionOptions retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        return audit.PurgeBeforeAsync(now - retention.AuditEntries, cancellationToken);
    }

    /// <summary>The person row, every index row pointing at it, and a row imported for their email that was never merged.</summary>
    private async Task<int> DeleteDirectoryRowsAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var emailKey = subject.Email is null ? null : PeopleRows.KeyForEmail(subject.Email);
        var rows = await _people.QueryAllAsync(PeopleRows.Partition, cancellationToken: cancellationToken)
            .Where(e => e.GetString("Key") is { } key && (key == subject.PersonKey || key == emailKey))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await _people.DeleteEachAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A department keeps existing without the erased liaison or backup.</summary>
    private async Task<int> UnassignAsync(string personKey, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var department in await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (department.LiaisonKey != personKey && department.BackupKey != personKey)
            {
                continue;
            }
            var result = await OptimisticUpdate.ApplyAsync<DepartmentRecord, Department>(
                ct => directory.FindDepartmentRecordAsync(department.Code, ct),
                r => Decision.Write(r.Department with
                {
                    LiaisonKey = r.Department.LiaisonKey == personKey ? null : r.Department.LiaisonKey,
                    BackupKey = r.Department.BackupKey == personKey ? null : r.Department.BackupKey,
                }),
                async (r, d, ct) => PeopleRows.ToDepartment(await _departments.UpdateAsync(PeopleRows.ToEntity(r with { Department = d, UpdatedBy = null }), ct).ConfigureAwait(false)),
                cancellationToken).ConfigureAwait(false);
            changed += result.Written ? 1 : 0;
        }
        return changed;
    }
}
