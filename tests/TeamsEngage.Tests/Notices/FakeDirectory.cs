using TeamsEngage.Bot;
using System.Runtime.CompilerServices;
using TeamsEngage.People;

namespace TeamsEngage.Tests.Notices;

/// <summary>An in-memory directory for the validator's unit tests (the HTTP tests use the real one).</summary>
internal sealed class FakeDirectory(IReadOnlyList<Person> people, IReadOnlyList<Department> departments) : IPeopleDirectory
{
    public Task<Person?> FindAsync(string personKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.FirstOrDefault(p => p.Key == personKey));

    public Task<Person?> FindByUserIdAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.FirstOrDefault(p => p.UserId == userId));

    public Task<Person?> FindByAadObjectIdAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.FirstOrDefault(p => p.AadObjectId == aadObjectId));

    public Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase)));

    public async IAsyncEnumerable<Person> ListPeopleAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var person in people)
        {
            await Task.Yield();
            yield return person;
        }
    }

    public Task<Department?> FindDepartmentAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(departments.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default) => Task.FromResult(departments);

    public IAsyncEnumerable<Person> ResolveAudienceAsync(Audience audience, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The validator never resolves a whole audience.");

    public IAsyncEnumerable<Person> ResolveAudienceAfterAsync(Audience audience, string? afterPersonKey, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The validator never resolves a whole audience.");

    public Task<IReadOnlyList<Person>> ListAdministratorsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Person>>([.. people.Where(p => p.Role == Role.Administrator)]);
}
