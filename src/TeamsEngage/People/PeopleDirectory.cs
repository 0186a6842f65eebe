using System.Runtime.CompilerServices;
using TeamsEngage.Bot;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>The directory read API over the People and Departments tables. No cache: every read sees the latest write.</summary>
public sealed class PeopleDirectory(ITableStore store, ConfiguredAdministrators administrators) : IPeopleDirectory
{
    private readonly IStoreTable _people = store.Table(PeopleRows.PeopleTable);
    private readonly IStoreTable _departments = store.Table(PeopleRows.DepartmentsTable);

    public async Task<Person?> FindAsync(string personKey, CancellationToken cancellationToken = default) =>
        (await FindRecordAsync(personKey, cancellationToken).ConfigureAwait(false))?.Person;

    public async Task<Person?> FindByUserIdAsync(string userId, CancellationToken cancellationToken = default) =>
        await FollowAsync(PeopleRows.UserRow(userId), cancellationToken).ConfigureAwait(false);

    public Task<Person?> FindByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        FindAsync(PeopleRows.KeyForObjectId(aadObjectId), cancellationToken);

    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(email) ? null : await FollowAsync(PeopleRows.EmailRow(email), cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<Person> ListPeopleAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _people.QueryAllAsync(PeopleRows.Partition, PeopleRows.PersonPrefix, PeopleRows.PersonPrefixEnd, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return PeopleRows.ToPerson(entity).Person;
        }
    }

    public async Task<Department?> FindDepartmentAsync(string code, CancellationToken cancellationToken = default) =>
        (await FindDepartmentRecordAsync(code, cancellationToken).ConfigureAwait(false))?.Department;

    public async Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<Department>();
        await foreach (var entity in _departments.QueryAllAsync(PeopleRows.Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(PeopleRows.ToDepartment(entity).Department);
        }
        return list;
    }

    public IAsyncEnumerable<Person> ResolveAudienceAsync(Audience audience, CancellationToken cancellationToken = default) =>
        ResolveAudienceAfterAsync(audience, null, cancellationToken);

    public async IAsyncEnumerable<Person> ResolveAudienceAfterAsync(Audience audience, string? afterPersonKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var afterRow = afterPersonKey is null ? null : PeopleRows.PersonRow(afterPersonKey);
        if (audience.Kind == AudienceKind.People)
        {
            foreach (var person in await NamedPeopleAsync(audience, cancellationToken).ConfigureAwait(false))
            {
                if (afterRow is null || string.CompareOrdinal(PeopleRows.PersonRow(person.Key), afterRow) > 0)
                {
                    yield return person;
                }
            }
            yield break;
        }
        var codes = audience.Values.Select(v => v.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var roles = audience.Values.Select(RoleNames.TryParse).OfType<Role>().ToHashSet();
        // The range starts at the cursor's own row (inclusive), which is skipped: the lower bound needs no key arithmetic.
        await foreach (var entity in _people.QueryAllAsync(PeopleRows.Partition, afterRow ?? PeopleRows.PersonPrefix, PeopleRows.PersonPrefixEnd, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var person = PeopleRows.ToPerson(entity).Person;
            var included = entity.RowKey != afterRow && audience.Kind switch
            {
                AudienceKind.Everyone => true,
                AudienceKind.Departments => person.DepartmentCode is { } code && codes.Contains(code),
                AudienceKind.Roles => roles.Contains(person.Role),
                _ => false,
            };
            if (included)
            {
                yield return person;
            }
        }
    }

    /// <summary>The people an explicit list names (by key or email), each once, in key order.</summary>
    private async Task<List<Person>> NamedPeopleAsync(Audience audience, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var value in audience.Values)
        {
            var person = value.Contains('@', StringComparison.Ordinal)
                ? await FindByEmailAsync(value, cancellationToken).ConfigureAwait(false)
                : await FindAsync(value, cancellationToken).ConfigureAwait(false);
            if (person is not null)
            {
                found.TryAdd(person.Key, person);
            }
        }
        return [.. found.Values.OrderBy(p => PeopleRows.PersonRow(p.Key), StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<Person>> ListAdministratorsAsync(CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var configured in administrators.InCurrentTenant())
        {
            var person = configured.Contains('@', StringComparison.Ordinal)
                ? await FindByEmailAsync(configured, cancellationToken).ConfigureAwait(false)
                : await FindByAadObjectIdAsync(configured, cancellationToken).ConfigureAwait(false);
            person ??= configured.Contains('@', StringComparison.Ordinal)
                ? new Person(PeopleRows.KeyForEmail(configured), null, null, null, PeopleRows.NormalizeEmail(configured), null, Role.Administrator, null, null, false)
                : new Person(PeopleRows.KeyForObjectId(configured), null, PeopleRows.KeyForObjectId(configured), null, null, null, Role.Administrator, null, null, false);
            result[person.Key] = person with { Role = Role.Administrator };
        }
        await foreach (var person in ListPeopleAsync(cancellationToken).ConfigureAwait(false))
        {
            if (person.Role == Role.Administrator)
            {
                result.TryAdd(person.Key, person);
            }
        }
        return [.. result.Values.OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    /// <summary>Whether configuration names this person an administrator of the tenant in scope (by object id or email).</summary>
    internal bool IsConfiguredAdministrator(string? aadObjectId, string? email) => administrators.Includes(aadObjectId, email);

    internal async Task<PersonRecord?> FindRecordAsync(string personKey, CancellationToken cancellationToken)
    {
        var entity = await _people.GetAsync(PeopleRows.Partition, PeopleRows.PersonRow(personKey), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : PeopleRows.ToPerson(entity);
    }

    internal async Task<string?> FindKeyAsync(string indexRow, CancellationToken cancellationToken)
    {
        var pointer = await _people.GetAsync(PeopleRows.Partition, indexRow, cancellationToken).ConfigureAwait(false);
        return pointer?.GetString("Key");
    }

    internal async Task<DepartmentRecord?> FindDepartmentRecordAsync(string code, CancellationToken cancellationToken)
    {
        if (!DepartmentCodes.IsValid(code))
        {
            return null;
        }
        var entity = await _departments.GetAsync(PeopleRows.Partition, DepartmentCodes.Normalize(code), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : PeopleRows.ToDepartment(entity);
    }

    private async Task<Person?> FollowAsync(string indexRow, CancellationToken cancellationToken)
    {
        var key = await FindKeyAsync(indexRow, cancellationToken).ConfigureAwait(false);
        return key is null ? null : await FindAsync(key, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Role names as written in CSV files and audiences.</summary>
public static class RoleNames
{
    public static Role? TryParse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "" or null or "member" or "teacher" or "staff" => Role.Member,
        "liaison" => Role.Liaison,
        "administrator" or "admin" => Role.Administrator,
        _ => null,
    };
}

/// <summary>Department codes: 2 to 10 letters or digits, stored upper-case.</summary>
public static class DepartmentCodes
{
    public static bool IsValid(string? code) =>
        code is not null && code.Trim().Length is >= 2 and <= 10 && code.Trim().All(char.IsAsciiLetterOrDigit);

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
