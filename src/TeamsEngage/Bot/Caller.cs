using TeamsEngage.People;
using TeamsEngage.Localization;

namespace TeamsEngage.Bot;

/// <summary>The person behind an activity, as the server knows them: never taken from card data.</summary>
/// <param name="UserId">The Teams user id (<c>29:…</c>).</param>
/// <param name="AadObjectId">The Entra object id, when Teams sent it.</param>
/// <param name="Name">The display name Teams sent.</param>
/// <param name="Role">What they may do.</param>
/// <param name="Texts">Their language.</param>
/// <param name="PersonKey">Their directory key, when the directory knows them.</param>
/// <param name="DepartmentCode">Their department, when known.</param>
public sealed record Caller(string UserId, string? AadObjectId, string? Name, Role Role, Texts Texts, string? PersonKey = null, string? DepartmentCode = null)
{
    /// <summary>Whether the caller holds at least <paramref name="role"/>.</summary>
    public bool Has(Role role) => Role >= role;
}
