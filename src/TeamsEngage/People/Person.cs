using TeamsEngage.Bot;
namespace TeamsEngage.People;

/// <summary>Someone the directory knows: from an import, from configuration, or because they talked to the bot.</summary>
/// <param name="Key">The directory's stable key: the lower-case Entra object id, or <c>email:…</c> for someone imported by email who has not used the bot yet.</param>
/// <param name="UserId">The Teams user id (<c>29:…</c>) once they have used the bot; null before.</param>
/// <param name="AadObjectId">The Entra object id, when known.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Email or UPN, when known.</param>
/// <param name="DepartmentCode">Their department's short code (e.g. <c>SCI</c>), when known.</param>
/// <param name="Role">What they may do.</param>
/// <param name="Language">Their chosen language (<c>en</c>, <c>es</c>), or null to follow their Teams client.</param>
/// <param name="School">Their school, when known.</param>
/// <param name="Installed">Whether the bot can reach them: they have a 1:1 conversation with it.</param>
/// <param name="DepartmentSource">Who set their department: the directory (authoritative) or the person themselves.</param>
/// <param name="LeftAt">When they uninstalled the bot; null while they use it (or never did).</param>
public sealed record Person(
    string Key,
    string? UserId,
    string? AadObjectId,
    string? Name,
    string? Email,
    string? DepartmentCode,
    Role Role,
    string? Language,
    string? School,
    bool Installed,
    DepartmentSource DepartmentSource = DepartmentSource.None,
    DateTimeOffset? LeftAt = null);

/// <summary>Who set a person's department, and so whether the person may change it.</summary>
public enum DepartmentSource
{
    /// <summary>No department yet.</summary>
    None,
    /// <summary>Set by the directory (a CSV import or an administrator): the person cannot change it.</summary>
    Directory,
    /// <summary>Chosen by the person in their profile; administrators can confirm or correct it.</summary>
    SelfReported,
}

/// <summary>A department and who in IT looks after it.</summary>
/// <param name="Code">Short upper-case code used in ticket ids (<c>SCI</c>).</param>
/// <param name="Name">Display name (<c>Science</c>).</param>
/// <param name="LiaisonKey">The person key of the assigned IT liaison, if any.</param>
/// <param name="BackupKey">The person key of the backup liaison, if any.</param>
/// <param name="ResponseHours">The response-time promise: a ticket is claimed within this many hours.</param>
/// <param name="ChannelConversationId">An optional Teams channel for the department's IT conversation.</param>
public sealed record Department(
    string Code,
    string Name,
    string? LiaisonKey,
    string? BackupKey,
    int ResponseHours,
    string? ChannelConversationId);

/// <summary>Who a notice or poll goes to.</summary>
public enum AudienceKind
{
    /// <summary>Everyone in the directory.</summary>
    Everyone,
    /// <summary>People in the listed departments.</summary>
    Departments,
    /// <summary>People with the listed roles.</summary>
    Roles,
    /// <summary>A pilot group of named people (person keys or emails).</summary>
    People,
}

/// <summary>An audience: a kind and its list.</summary>
public sealed record Audience(AudienceKind Kind, IReadOnlyList<string> Values)
{
    public static Audience Everyone { get; } = new(AudienceKind.Everyone, []);
}
