namespace TeamsEngage.People;

/// <summary>The directory of people and departments, read by every feature.</summary>
public interface IPeopleDirectory
{
    /// <summary>A person by directory key.</summary>
    Task<Person?> FindAsync(string personKey, CancellationToken cancellationToken = default);

    /// <summary>A person by Teams user id (<c>29:…</c>).</summary>
    Task<Person?> FindByUserIdAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>A person by Entra object id.</summary>
    Task<Person?> FindByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken = default);

    /// <summary>A person by email or UPN (case-insensitive).</summary>
    Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Every person, in key order, paged from the store.</summary>
    IAsyncEnumerable<Person> ListPeopleAsync(CancellationToken cancellationToken = default);

    /// <summary>A department by code (case-insensitive).</summary>
    Task<Department?> FindDepartmentAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Every department, by code.</summary>
    Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>The people in an audience, each once.</summary>
    IAsyncEnumerable<Person> ResolveAudienceAsync(Audience audience, CancellationToken cancellationToken = default);

    /// <summary>
    /// The people in an audience whose key comes after <paramref name="afterPersonKey"/> (everyone when null), each once,
    /// in the directory's key order, so a long broadcast can be resolved in pages and resumed after the last key.
    /// </summary>
    IAsyncEnumerable<Person> ResolveAudienceAfterAsync(Audience audience, string? afterPersonKey, CancellationToken cancellationToken = default);

    /// <summary>The administrators (from configuration and from the directory).</summary>
    Task<IReadOnlyList<Person>> ListAdministratorsAsync(CancellationToken cancellationToken = default);
}
