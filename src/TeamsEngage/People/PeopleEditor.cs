using TeamsEngage.Bot;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>What Teams tells us about someone who talks to the bot.</summary>
/// <param name="AadObjectId">Their Entra object id.</param>
/// <param name="UserId">Their Teams user id.</param>
/// <param name="Name">Their display name.</param>
/// <param name="Email">Their email or UPN from the connector, when it answered.</param>
/// <param name="MemberChecked">Whether the connector was asked (successfully) for their email.</param>
public sealed record Contact(string AadObjectId, string UserId, string? Name, string? Email, bool MemberChecked);

/// <summary>
/// Writes people: first contact (creating the person, or merging the row an import made for their email), profile
/// changes and imported rows. Each write is one atomic batch of the person and their index rows, guarded by ETags.
/// </summary>
public sealed class PeopleEditor(ITableStore store, PeopleDirectory directory, DirectoryAudit audit, TimeProvider clock)
{
    private const int Attempts = 4;

    private readonly IStoreTable _people = store.Table(PeopleRows.PeopleTable);
    private readonly IStoreTable _departments = store.Table(PeopleRows.DepartmentsTable);

    /// <summary>Creates or refreshes the person behind <paramref name="contact"/>; merges an imported-by-email row into it.</summary>
    public async Task<Person> RecordContactAsync(Contact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRecordContactAsync(contact, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreException) when (attempt < Attempts)
            {
                // Two first activities of an install race; the loser reads again and merges onto the winner.
            }
        }
    }

    private async Task<Person> TryRecordContactAsync(Contact contact, CancellationToken cancellationToken)
    {
        var key = PeopleRows.KeyForObjectId(contact.AadObjectId);
        var existing = await directory.FindRecordAsync(key, cancellationToken).ConfigureAwait(false);
        var email = contact.Email is null ? existing?.Person.Email : PeopleRows.NormalizeEmail(contact.Email);
        PersonRecord? imported = null;
        if (email is not null && await directory.FindKeyAsync(PeopleRows.EmailRow(email), cancellationToken).ConfigureAwait(false) is { } emailKey
            && emailKey != key && PeopleRows.IsEmailKey(emailKey))
        {
            imported = await directory.FindRecordAsync(emailKey, cancellationToken).ConfigureAwait(false);
        }
        var basis = existing?.Person ?? imported?.Person;
        var person = new Person(
            key,
            contact.UserId,
            key,
            contact.Name ?? basis?.Name,
            email,
            basis?.DepartmentCode ?? imported?.Person.DepartmentCode,
            Max(existing?.Person.Role, imported?.Person.Role),
            basis?.Language ?? imported?.Person.Language,
            basis?.School ?? imported?.Person.School,
            Installed: true);
        var record = new PersonRecord(person, contact.MemberChecked || (existing?.MemberChecked ?? false), key, clock.GetUtcNow(), existing?.ETag);
        if (existing is not null && imported is null && existing.Person == person && existing.MemberChecked == record.MemberChecked)
        {
            return person;
        }
        var batch = new List<BatchOperation>
        {
            new(existing is null ? BatchOperationKind.Insert : BatchOperationKind.Update, PeopleRows.ToEntity(record)),
            new(BatchOperationKind.Upsert, PeopleRows.Pointer(PeopleRows.UserRow(contact.UserId), key)),
        };
        if (email is not null)
        {
            batch.Add(new(BatchOperationKind.Upsert, PeopleRows.Pointer(PeopleRows.EmailRow(email), key)));
        }
        if (imported is not null)
        {
            batch.Add(new(BatchOperationKind.Delete, PeopleRows.ToEntity(imported)));
        }
        await _people.SubmitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        if (imported is not null)
        {
            await RepointDepartmentsAsync(imported.Person.Key, key, cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(key, "person.merged", key, imported.Person.Key, cancellationToken).ConfigureAwait(false);
        }
        else if (existing is null)
        {
            await audit.RecordAsync(key, "person.created", key, null, cancellationToken).ConfigureAwait(false);
        }
        return person;
    }

    /// <summary>Changes a person's department and language. Returns the updated person, or null when they are unknown.</summary>
    public async Task<Person?> SaveProfileAsync(string personKey, string departmentCode, string? language, string actor, CancellationToken cancellationToken)
    {
        var record = await directory.FindRecordAsync(personKey, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }
        var person = record.Person with { DepartmentCode = departmentCode, Language = language };
        await WriteAsync(record, person, actor, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(actor, "person.profile", personKey, $"{departmentCode} {language}", cancellationToken).ConfigureAwait(false);
        return person;
    }

    /// <summary>Raises a person to at least <paramref name="role"/> (assigning a liaison makes them one).</summary>
    public async Task EnsureRoleAsync(string personKey, Role role, string actor, CancellationToken cancellationToken)
    {
        var record = await directory.FindRecordAsync(personKey, cancellationToken).ConfigureAwait(false);
        if (record is null || record.Person.Role >= role)
        {
            return;
        }
        await WriteAsync(record, record.Person with { Role = role }, actor, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(actor, "person.role", personKey, role.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies an imported person (by email): creates them, or updates the fields the import sets.
    /// Returns false when nothing changed, so importing the same file twice writes nothing.
    /// </summary>
    public async Task<bool> ImportPersonAsync(string email, string? departmentCode, Role role, string? language, string actor, CancellationToken cancellationToken)
    {
        email = PeopleRows.NormalizeEmail(email);
        var key = await directory.FindKeyAsync(PeopleRows.EmailRow(email), cancellationToken).ConfigureAwait(false);
        var record = key is null ? null : await directory.FindRecordAsync(key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            var person = new Person(PeopleRows.KeyForEmail(email), null, null, null, email, departmentCode, role, language, null, false);
            await _people.SubmitBatchAsync(
            [
                new(BatchOperationKind.Insert, PeopleRows.ToEntity(new PersonRecord(person, false, actor, clock.GetUtcNow(), null))),
                new(BatchOperationKind.Upsert, PeopleRows.Pointer(PeopleRows.EmailRow(email), person.Key)),
            ], cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(actor, "person.imported", person.Key, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        var updated = record.Person with { DepartmentCode = departmentCode ?? record.Person.DepartmentCode, Role = role, Language = language ?? record.Person.Language };
        if (updated == record.Person)
        {
            return false;
        }
        await WriteAsync(record, updated, actor, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(actor, "person.imported", updated.Key, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The person key for a liaison named in a departments file (email or object id); a person row is created
    /// for someone the directory does not know yet, so the department can point at them until they install the bot.
    /// </summary>
    public async Task<Person> EnsurePersonAsync(string emailOrObjectId, string actor, CancellationToken cancellationToken)
    {
        var isEmail = emailOrObjectId.Contains('@', StringComparison.Ordinal);
        var found = isEmail
            ? await directory.FindByEmailAsync(emailOrObjectId, cancellationToken).ConfigureAwait(false)
            : await directory.FindByAadObjectIdAsync(emailOrObjectId, cancellationToken).ConfigureAwait(false);
        if (found is not null)
        {
            return found;
        }
        if (isEmail)
        {
            await ImportPersonAsync(emailOrObjectId, null, Role.Member, null, actor, cancellationToken).ConfigureAwait(false);
            return (await directory.FindByEmailAsync(emailOrObjectId, cancellationToken).ConfigureAwait(false))!;
        }
        var key = PeopleRows.KeyForObjectId(emailOrObjectId);
        var person = new Person(key, null, key, null, null, null, Role.Member, null, null, false);
        try
        {
            await _people.InsertAsync(PeopleRows.ToEntity(new PersonRecord(person, false, actor, clock.GetUtcNow(), null)), cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(actor, "person.imported", key, null, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            return (await directory.FindAsync(key, cancellationToken).ConfigureAwait(false))!;
        }
        return person;
    }

    private Task<StoreEntity> WriteAsync(PersonRecord record, Person person, string actor, CancellationToken cancellationToken) =>
        _people.UpdateAsync(PeopleRows.ToEntity(record with { Person = person, UpdatedBy = actor, UpdatedAt = clock.GetUtcNow() }), cancellationToken);

    private async Task RepointDepartmentsAsync(string oldKey, string newKey, CancellationToken cancellationToken)
    {
        await foreach (var entity in _departments.QueryAllAsync(PeopleRows.Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var record = PeopleRows.ToDepartment(entity);
            var d = record.Department;
            if (d.LiaisonKey == oldKey || d.BackupKey == oldKey)
            {
                var moved = d with { LiaisonKey = d.LiaisonKey == oldKey ? newKey : d.LiaisonKey, BackupKey = d.BackupKey == oldKey ? newKey : d.BackupKey };
                await _departments.UpdateAsync(PeopleRows.ToEntity(record with { Department = moved }), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Role Max(Role? a, Role? b) => (Role)Math.Max((int)(a ?? Role.Member), (int)(b ?? Role.Member));
}
