using System.ComponentModel.DataAnnotations;

namespace TeamsEngage.Features.Directory;

/// <summary>The verbs on the directory's cards.</summary>
public static class DirectoryVerbs
{
    public const string ProfileSave = "profile.save";
    public const string DepartmentsList = "departments.list";
    public const string DepartmentAdd = "departments.add";
    public const string DepartmentEdit = "departments.edit";
    public const string DepartmentSave = "departments.save";
    public const string DepartmentRemove = "departments.remove";
    public const string Import = "directory.import";
    public const string DepartmentReview = "departments.review";
    public const string DepartmentConfirm = "departments.confirm";
}

/// <summary>The profile form's inputs: the chosen department's code and language.</summary>
public sealed record ProfileSaveData([property: StringLength(10)] string? Department = null, [property: StringLength(20)] string? Language = null);

/// <summary>Which department a button is about.</summary>
public sealed record DepartmentRef([property: StringLength(10)] string? Code = null);

/// <summary>
/// The department form: its inputs, and the code of the department being edited (null when adding). Each input is
/// checked by <see cref="DepartmentForm"/>, which names the one that is wrong.
/// </summary>
public sealed record DepartmentFormData(
    string? OriginalCode = null,
    string? Code = null,
    string? Name = null,
    string? ResponseHours = null,
    string? Liaison = null,
    string? Backup = null,
    string? Channel = null);

/// <summary>The import form's inputs: what the CSV holds (departments or people) and the CSV.</summary>
public sealed record ImportData(string? Kind = null, string? Csv = null);

/// <summary>Which person a button is about (their directory key).</summary>
public sealed record PersonRef([property: Required, StringLength(200)] string PersonKey);

/// <summary>The review form: the person, and the department the administrator confirms (the form's input).</summary>
public sealed record ConfirmDepartmentData([property: Required, StringLength(200)] string PersonKey, [property: StringLength(10)] string? Department = null);
