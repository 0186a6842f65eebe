using TeamsEngage.Localization;
using System.Globalization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// Reads the department form again on the server (a card's data can be forged): the department it describes, or the
/// resource key naming the first input that is wrong. Whether the liaison and backup may be assigned needs the
/// directory and is checked by <see cref="DepartmentDesk"/>.
/// </summary>
public static class DepartmentForm
{
    public static (Department? Department, string? Problem) Read(DepartmentFormData form, Department? existing)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Trim().Length > 100)
        {
            return (null, TextKeys.Directory_Departments_NameRequired);
        }
        if (existing is null && !DepartmentCodes.IsValid(form.Code))
        {
            return (null, TextKeys.Directory_Departments_CodeRequired);
        }
        if (!int.TryParse(form.ResponseHours, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 720)
        {
            return (null, TextKeys.Directory_Departments_HoursRequired);
        }
        var liaison = Blank(form.Liaison);
        var backup = Blank(form.Backup);
        if (liaison is not null && liaison == backup)
        {
            return (null, TextKeys.Directory_Departments_NotEligible);
        }
        var code = existing?.Code ?? DepartmentCodes.Normalize(form.Code!);
        return (new Department(code, form.Name.Trim(), liaison, backup, hours, Blank(form.Channel)), null);
    }

    private static string? Blank(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() == DepartmentCards.NoOne ? null : value.Trim();
}
