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
        var existing = await directory.FindDepartmentRecordAsync(department.Code, cancellationToken).ConfigureAwait(false);
        if (isNew && existing is not null)
        {
            return DepartmentChangeOutcome.CodeTaken;
        }
        if (!isNew && existing is null)
        {
            return DepartmentChangeOutcome.NotFound;
        }
        if (existing?.Department == department)
        {
            return DepartmentChangeOutcome.Unchanged;
        }
        var record = new DepartmentRecord(department, actor, clock.GetUtcNow(), existing?.ETag);
        try
        {
            if (existing is null)
            {
                await _table.InsertAsync(PeopleRows.ToEntity(record), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _table.UpdateAsync(PeopleRows.ToEntity(record), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StoreConflictException)
        {
            return DepartmentChangeOutcome.CodeTaken;
        }
        catch (StorePreconditionFailedException)
        {
            return DepartmentChangeOutcome.ChangedMeanwhile;
        }
        await PromoteLiaisonsAsync(department, actor, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(actor, existing is null ? "department.added" : "department.changed", department.Code, Describe(department), cancellationToken).ConfigureAwait(false);
        return DepartmentChangeOutcome.Saved;
    }

    /// <summary>Saves an imported department: added when new, replaced when different, left alone when the same.</summary>
    public async Task<DepartmentChangeOutcome> ImportAsync(Department department, string actor, CancellationToken cancellationToken)
    {
        var exists = await directory.FindDepartmentRecordAsync(department.Code, cancellationToken).ConfigureAwait(false) is not null;
        return await SaveAsync(department, !exists, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a department that has no open tickets.</summary>
    public async Task<DepartmentChangeOutcome> RemoveAsync(string code, string actor, CancellationToken cancellationToken)
    {
        var existing = await directory.FindDepartmentRecordAsync(code, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return DepartmentChangeOutcome.NotFound;
        }
        if (await openTickets.CountOpenAsync(existing.Department.Code, cancellationToken).ConfigureAwait(false) > 0)
        {
            return DepartmentChangeOutcome.HasOpenTickets;
        }
        try
        {
            await _table.DeleteAsync(PeopleRows.Partition, existing.Department.Code, existing.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (StorePreconditionFailedException)
        {
            return DepartmentChangeOutcome.ChangedMeanwhile;
        }
        catch (StoreNotFoundException)
        {
            return DepartmentChangeOutcome.NotFound;
        }
        await audit.RecordAsync(actor, "department.removed", existing.Department.Code, null, cancellationToken).ConfigureAwait(false);
        return DepartmentChangeOutcome.Saved;
    }

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
