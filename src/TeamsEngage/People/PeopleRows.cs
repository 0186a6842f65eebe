using TeamsEngage.Bot;
using TeamsEngage.Storage;

namespace TeamsEngage.People;

/// <summary>
/// How the directory is laid out in the store. The People table holds one partition so that a person and their
/// index rows (by Teams user id, by email) change together in one atomic batch:
/// <c>p|key</c> is the person, <c>u|userId</c> and <c>e|email</c> point at a person key.
/// </summary>
internal static class PeopleRows
{
    public const string PeopleTable = "People";
    public const string DepartmentsTable = "Departments";
    public const string AuditTable = "DirectoryAudit";
    public const string Partition = "directory";

    public const string PersonPrefix = "p|";
    public const string PersonPrefixEnd = "p}";

    public static string PersonRow(string key) => PersonPrefix + StoreKey.Escape(key);

    public static string UserRow(string userId) => "u|" + StoreKey.Escape(userId);

    public static string EmailRow(string email) => "e|" + StoreKey.Escape(NormalizeEmail(email));

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string KeyForObjectId(string aadObjectId) => aadObjectId.Trim().ToLowerInvariant();

    public static string KeyForEmail(string email) => "email:" + NormalizeEmail(email);

    public static bool IsEmailKey(string key) => key.StartsWith("email:", StringComparison.Ordinal);

    public static StoreEntity Pointer(string rowKey, string personKey) =>
        new(Partition, rowKey, new Dictionary<string, object?> { ["Key"] = personKey });

    public static StoreEntity ToEntity(PersonRecord r) => new(Partition, PersonRow(r.Person.Key), new Dictionary<string, object?>
    {
        ["Key"] = r.Person.Key,
        // Someone who left keeps their user id on the row (not in the directory's view), so erasure can still find their traces.
        ["UserId"] = r.Person.UserId ?? r.LeftUserId,
        ["LeftAt"] = r.Person.LeftAt,
        ["LeftConversationId"] = r.Person.LeftAt is null ? null : r.LeftConversationId,
        ["DepartmentSource"] = r.Person.DepartmentCode is null ? null : r.Person.DepartmentSource.ToString(),
        ["AadObjectId"] = r.Person.AadObjectId,
        ["Name"] = r.Person.Name,
        ["Email"] = r.Person.Email,
        ["Department"] = r.Person.DepartmentCode,
        ["Role"] = (int)r.Person.Role,
        ["Language"] = r.Person.Language,
        ["School"] = r.Person.School,
        ["MemberChecked"] = r.MemberChecked,
        ["UpdatedBy"] = r.UpdatedBy,
        ["UpdatedAt"] = r.UpdatedAt,
    }.Where(p => p.Value is not null).ToDictionary(), r.ETag);

    public static PersonRecord ToPerson(StoreEntity e)
    {
        var storedUserId = e.GetString("UserId");
        var leftAt = e.GetDateTimeOffset("LeftAt");
        var userId = leftAt is null ? storedUserId : null;
        var department = e.GetString("Department");
        var person = new Person(
            e.GetString("Key") ?? StoreKey.Unescape(e.RowKey[PersonPrefix.Length..]),
            userId,
            e.GetString("AadObjectId"),
            e.GetString("Name"),
            e.GetString("Email"),
            department,
            (Role)(e.GetInt32("Role") ?? 0),
            e.GetString("Language"),
            e.GetString("School"),
            Installed: userId is not null,
            SourceOf(department, e.GetString("DepartmentSource")),
            leftAt);
        return new PersonRecord(person, e.GetBoolean("MemberChecked") ?? false, e.GetString("UpdatedBy"), e.GetDateTimeOffset("UpdatedAt"), e.ETag)
        {
            LeftUserId = leftAt is null ? null : storedUserId,
            LeftConversationId = e.GetString("LeftConversationId"),
        };
    }

    // Rows written before departments had a source count as self-reported: an administrator confirms them once.
    private static DepartmentSource SourceOf(string? department, string? source) =>
        department is null ? DepartmentSource.None
        : Enum.TryParse<DepartmentSource>(source, out var parsed) && parsed != DepartmentSource.None ? parsed
        : DepartmentSource.SelfReported;

    public static StoreEntity ToEntity(DepartmentRecord r) => new(Partition, r.Department.Code, new Dictionary<string, object?>
    {
        ["Name"] = r.Department.Name,
        ["Liaison"] = r.Department.LiaisonKey,
        ["Backup"] = r.Department.BackupKey,
        ["ResponseHours"] = r.Department.ResponseHours,
        ["Channel"] = r.Department.ChannelConversationId,
        ["UpdatedBy"] = r.UpdatedBy,
        ["UpdatedAt"] = r.UpdatedAt,
    }.Where(p => p.Value is not null).ToDictionary(), r.ETag);

    public static DepartmentRecord ToDepartment(StoreEntity e) => new(
        new Department(e.RowKey, e.GetString("Name") ?? e.RowKey, e.GetString("Liaison"), e.GetString("Backup"), e.GetInt32("ResponseHours") ?? 0, e.GetString("Channel")),
        e.GetString("UpdatedBy"),
        e.GetDateTimeOffset("UpdatedAt"),
        e.ETag);
}

/// <summary>A stored person with what only the store needs: whether the connector was asked for their email, who changed them last, and the ETag.</summary>
internal sealed record PersonRecord(Person Person, bool MemberChecked, string? UpdatedBy, DateTimeOffset? UpdatedAt, string? ETag)
{
    /// <summary>The Teams user id of someone who left (the directory's view shows none).</summary>
    public string? LeftUserId { get; init; }

    /// <summary>The 1:1 conversation of someone who left, so erasure can find what was kept by conversation.</summary>
    public string? LeftConversationId { get; init; }
}

/// <summary>A stored department with who changed it last and its ETag.</summary>
internal sealed record DepartmentRecord(Department Department, string? UpdatedBy, DateTimeOffset? UpdatedAt, string? ETag);
