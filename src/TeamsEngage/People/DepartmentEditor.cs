using TeamsEngage.Bot;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>The outcome of a department change.</summary>
public enum DepartmentChangeOutcome
{
    Saved,
    Unchanged,
    NotFound,
    CodeTaken,
    HasOpenTickets,
    ChangedMeanwhile,
}

/// <summary>Adds, edits and removes departments; assigning a liaison or backup makes that person a liaison.</summary>
public sealed class DepartmentEditor(ITableStore store, PeopleDirectory directory, PeopleEditor people, DirectoryAudit audit, DepartmentWork openTickets, TimeProvider clock)
{
    private readonly IStoreTable _table = store.Table(PeopleRows.DepartmentsTable);

    /// <summary>Adds a department (fails when the code is taken) or, with <paramref name="isNew"/> false, replaces it.</summary>
    public async Task<DepartmentChangeOutcome> SaveAsync(Department department, bool isNew, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        department = department with { Code = DepartmentCodes.Normalize(department.Code) };
        var outcome = isNew
            ? await AddAsync(department, actor, cancellationToken).ConfigureAwait(false)
            : await ReplaceAsync(department, actor, cancellationToken).ConfigureAwait(false);
        if (outcome == DepartmentChangeOutcome.Saved)
        {
            await PromoteLiaisonsAsync(department, actor, cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(actor, isNew ? "department.added" : "department.changed", department.Code, Describe(department), cancellationToken).ConfigureAwait(false);
        }
        return outcome;
    }

    /// <summary>Saves an imported department: added when new, replaced when different, left alone when the same.</summary>
    public async Task<DepartmentChangeOutcome> ImportAsync(Department department, string actor, CancellationToken cancellationToken)
    {
        var exists = await directory.FindDepartmentRecordAsync(department.Code, cancellationToken).ConfigureAwait(false) is not null;
        return await SaveAsync(department, !exists, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a department that has no open work.</summary>
    public async Task<DepartmentChangeOutcome> RemoveAsync(string code, string actor, CancellationToken cancellationToken)
    {
        if (!DepartmentCodes.IsValid(code))
        {
            return DepartmentChangeOutcome.NotFound;
        }
        code = DepartmentCodes.Normalize(code);
        if (await openTickets.CountOpenAsync(code, cancellationToken).ConfigureAwait(false) > 0)
        {
            return DepartmentChangeOutcome.HasOpenTickets;
        }
        var result = await OptimisticUpdate.ApplyAsync<DepartmentRecord, Department>(
            ct => directory.FindDepartmentRecordAsync(code, ct),
            record => Decision.Write(record.Department),
            async (record, _, ct) =>
            {
                await _table.DeleteAsync(PeopleRows.Partition, record.Department.Code, record.ETag, ct).ConfigureAwait(false);
                return record;
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Written)
        {
            await audit.RecordAsync(actor, "department.removed", code, null, cancellationToken).ConfigureAwait(false);
        }
        return Outcome(result.Outcome);
    }

    private async Task<DepartmentChangeOutcome> AddAsync(Department department, string actor, CancellationToken cancellationToken)
    {
        try
        {
            await _table.InsertAsync(PeopleRows.ToEntity(new DepartmentRecord(department, actor, clock.GetUtcNow(), null)), cancellationToken).ConfigureAwait(false);
            return DepartmentChangeOutcome.Saved;
        }
        catch (StoreConflictException)
        {
            return DepartmentChangeOutcome.CodeTaken;
        }
    }

    private async Task<DepartmentChangeOutcome> ReplaceAsync(Department department, string actor, CancellationToken cancellationToken)
    {
        var result = await OptimisticUpdate.ApplyAsync<DepartmentRecord, Department>(
            ct => directory.FindDepartmentRecordAsync(department.Code, ct),
            record => record.Department == department ? Decision.Keep<Department>() : Decision.Write(department),
            async (record, change, ct) => PeopleRows.ToDepartment(await _table.UpdateAsync(
                PeopleRows.ToEntity(new DepartmentRecord(change, actor, clock.GetUtcNow(), record.ETag)), ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        return Outcome(result.Outcome);
    }

    private static DepartmentChangeOutcome Outcome(UpdateOutcome outcome) => outcome switch
    {
        UpdateOutcome.Written => DepartmentChangeOutcome.Saved,
        UpdateOutcome.Unchanged => DepartmentChangeOutcome.Unchanged,
        UpdateOutcome.Contended => DepartmentChangeOutcome.ChangedMeanwhile,
        _ => DepartmentChangeOutcome.NotFound,
    };

    private async Task PromoteLiaisonsAsync(Department department, string actor, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { department.LiaisonKey, department.BackupKey }.OfType<string>())
        {
            await people.EnsureRoleAsync(key, Role.Liaison, actor, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(Department d) =>
        string.Join(" | ", d.Name, d.LiaisonKey ?? "-", d.BackupKey ?? "-", d.ResponseHours, d.ChannelConversationId ?? "-");
}
