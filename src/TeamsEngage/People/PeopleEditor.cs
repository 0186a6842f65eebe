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
    private readonly IStoreTable _people = store.Table(PeopleRows.PeopleTable);
    private readonly IStoreTable _departments = store.Table(PeopleRows.DepartmentsTable);

    /// <summary>Creates or refreshes the person behind <paramref name="contact"/>; merges an imported-by-email row into it.</summary>
    public async Task<Person> RecordContactAsync(Contact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var key = PeopleRows.KeyForObjectId(contact.AadObjectId);
        // Two first activities of an install race; the loser reads again and merges onto the winner.
        var result = await OptimisticUpdate.ApplyAsync<ContactBasis, PersonRecord>(
            ct => ReadBasisAsync(key, contact, ct),
            basis => basis.Decide(contact, key, clock.GetUtcNow()),
            WriteContactAsync,
            cancellationToken).ConfigureAwait(false);
        if (result.Outcome == UpdateOutcome.Contended)
        {
            throw new InvalidOperationException($"The directory row of {key} kept changing while its first contact was recorded.");
        }
        var basis = result.State!;
        if (basis.Imported is not null)
        {
            await RepointDepartmentsAsync(basis.Imported.Person.Key, key, cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(key, "person.merged", key, basis.Imported.Person.Key, cancellationToken).ConfigureAwait(false);
        }
        else if (basis.Existing is null)
        {
            await audit.RecordAsync(key, "person.created", key, null, cancellationToken).ConfigureAwait(false);
        }
        return result.Change?.Person ?? basis.Existing!.Person;
    }

    private async Task<ContactBasis?> ReadBasisAsync(string key, Contact contact, CancellationToken cancellationToken)
    {
        var existing = await directory.FindRecordAsync(key, cancellationToken).ConfigureAwait(false);
        var email = contact.Email is null ? existing?.Person.Email : PeopleRows.NormalizeEmail(contact.Email);
        PersonRecord? imported = null;
        if (email is not null && await directory.FindKeyAsync(PeopleRows.EmailRow(email), cancellationToken).ConfigureAwait(false) is { } emailKey
            && emailKey != key && PeopleRows.IsEmailKey(emailKey))
        {
            imported = await directory.FindRecordAsync(emailKey, cancellationToken).ConfigureAwait(false);
        }
        return new ContactBasis(existing, imported, email);
    }

    private async Task<ContactBasis> WriteContactAsync(ContactBasis basis, PersonRecord record, CancellationToken cancellationToken)
    {
        var batch = new List<BatchOperation>
        {
            new(basis.Existing is null ? BatchOperationKind.Insert : BatchOperationKind.Update, PeopleRows.ToEntity(record)),
            new(BatchOperationKind.Upsert, PeopleRows.Pointer(PeopleRows.UserRow(record.Person.UserId!), record.Person.Key)),
        };
        if (basis.Email is not null)
        {
            batch.Add(new(BatchOperationKind.Upsert, PeopleRows.Pointer(PeopleRows.EmailRow(basis.Email), record.Person.Key)));
        }
        if (basis.Imported is not null)
        {
            batch.Add(new(BatchOperationKind.Delete, PeopleRows.ToEntity(basis.Imported)));
        }
        await _people.SubmitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        return basis;
    }

    /// <summary>Changes a person's department and language: the outcome, and the person as stored now (null when unknown).</summary>
    public async Task<(UpdateOutcome Outcome, Person? Person)> SaveProfileAsync(string personKey, string departmentCode, string? language, string actor, CancellationToken cancellationToken)
    {
        // A department the directory set is authoritative: the person's own save changes only their language.
        var result = await ChangeAsync(
            personKey,
            p => p.DepartmentSource == DepartmentSource.Directory
                ? p with { Language = language }
                : p with { DepartmentCode = departmentCode, DepartmentSource = DepartmentSource.SelfReported, Language = language },
            actor,
            cancellationToken).ConfigureAwait(false);
        if (result.Written)
        {
            await audit.RecordAsync(actor, "person.profile", personKey, $"{departmentCode} {language}", cancellationToken).ConfigureAwait(false);
        }
        return (result.Outcome, result.State?.Person);
    }

    /// <summary>An administrator confirms or corrects a person's department, which makes it authoritative.</summary>
    public async Task<(UpdateOutcome Outcome, Person? Person)> ConfirmDepartmentAsync(string personKey, string departmentCode, string actor, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(personKey, p => p with { DepartmentCode = departmentCode, DepartmentSource = DepartmentSource.Directory }, actor, cancellationToken).ConfigureAwait(false);
        if (result.Written)
        {
            await audit.RecordAsync(actor, "person.department", personKey, departmentCode, cancellationToken).ConfigureAwait(false);
        }
        return (result.Outcome, result.State?.Person ?? result.Change);
    }

    /// <summary>Raises a person to at least <paramref name="role"/> (assigning a liaison makes them one).</summary>
    public async Task EnsureRoleAsync(string personKey, Role role, string actor, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(personKey, p => p.Role >= role ? p : p with { Role = role }, actor, cancellationToken).ConfigureAwait(false);
        if (result.Written)
        {
            await audit.RecordAsync(actor, "person.role", personKey, role.ToString(), cancellationToken).ConfigureAwait(false);
        }
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
            var person = new Person(PeopleRows.KeyForEmail(email), null, null, null, email, departmentCode, role, language, null, false,
                departmentCode is null ? DepartmentSource.None : DepartmentSource.Directory);
            await _people.SubmitBatchAsync(
            [
                new(BatchOperationKind.Insert, PeopleRows.ToEntity(new PersonRecord(person, false, actor, clock.GetUtcNow(), null))),
                new(BatchOperationKind.Upsert, PeopleRows.Pointer(PeopleRows.EmailRow(email), person.Key)),
            ], cancellationToken).ConfigureAwait(false);
            await audit.RecordAsync(actor, "person.imported", person.Key, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        var result = await ChangeAsync(record.Person.Key, p => p with
        {
            DepartmentCode = departmentCode ?? p.DepartmentCode,
            DepartmentSource = departmentCode is null ? p.DepartmentSource : DepartmentSource.Directory,
            Role = role,
            Language = language ?? p.Language,
        }, actor, cancellationToken).ConfigureAwait(false);
        if (result.Written)
        {
            await audit.RecordAsync(actor, "person.imported", record.Person.Key, null, cancellationToken).ConfigureAwait(false);
        }
        return result.Written;
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

    /// <summary>Read, change and write one person, again on a fresh read when another writer got there first.</summary>
    private Task<UpdateResult<PersonRecord, Person>> ChangeAsync(string personKey, Func<Person, Person> change, string actor, CancellationToken cancellationToken) =>
        OptimisticUpdate.ApplyAsync<PersonRecord, Person>(
            ct => directory.FindRecordAsync(personKey, ct),
            record => change(record.Person) is var person && person != record.Person ? Decision.Write(person) : Decision.Keep<Person>(),
            async (record, person, ct) => PeopleRows.ToPerson(await _people.UpdateAsync(
                PeopleRows.ToEntity(record with { Person = person, UpdatedBy = actor, UpdatedAt = clock.GetUtcNow() }), ct).ConfigureAwait(false)),
            cancellationToken);

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
}

/// <summary>
/// What a first contact is decided on: the person's row, the row an import made for their email (to merge), and the
/// email to index them by.
/// </summary>
internal sealed record ContactBasis(PersonRecord? Existing, PersonRecord? Imported, string? Email)
{
    public Decision<PersonRecord> Decide(Contact contact, string key, DateTimeOffset now)
    {
        var basis = Existing?.Person ?? Imported?.Person;
        // The directory's department wins over one the person chose before their imported row was merged.
        var department = Imported?.Person is { DepartmentSource: DepartmentSource.Directory } imported ? imported
            : basis?.DepartmentCode is not null ? basis : Imported?.Person;
        var person = new Person(
            key,
            contact.UserId,
            key,
            contact.Name ?? basis?.Name,
            Email,
            department?.DepartmentCode,
            (Role)Math.Max((int)(Existing?.Person.Role ?? Role.Member), (int)(Imported?.Person.Role ?? Role.Member)),
            basis?.Language ?? Imported?.Person.Language,
            basis?.School ?? Imported?.Person.School,
            Installed: true,
            department?.DepartmentSource ?? DepartmentSource.None);
        var memberChecked = contact.MemberChecked || (Existing?.MemberChecked ?? false);
        return Existing is not null && Imported is null && Existing.Person == person && Existing.MemberChecked == memberChecked
            ? Decision.Keep<PersonRecord>()
            : Decision.Write(new PersonRecord(person, memberChecked, key, now, Existing?.ETag));
    }
}
