using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// <c>departments.save</c>: adds or edits a department. Everything on the form is checked again here: the caller must be
/// an administrator, the liaison and backup must be different people who have installed the bot (or be left as they were).
/// </summary>
public sealed class DepartmentSaveAction(IPeopleDirectory directory, DepartmentEditor editor, DepartmentViews views) : ICardAction
{
    public string Verb => DirectoryVerbs.DepartmentSave;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        var texts = caller.Texts;
        if (!caller.Has(Role.Administrator) || caller.PersonKey is null)
        {
            return CardActionResult.WithMessage(texts["Directory_Refused"]);
        }
        var form = context.DataAs<DepartmentFormData>() ?? new DepartmentFormData();
        var isNew = string.IsNullOrWhiteSpace(form.OriginalCode);
        var existing = isNew ? null : await directory.FindDepartmentAsync(form.OriginalCode!, cancellationToken).ConfigureAwait(false);
        if (!isNew && existing is null)
        {
            return await views.ListCardAsync(texts, [texts["Directory_Departments_NotFound"]], cancellationToken).ConfigureAwait(false);
        }
        var problem = await ValidateAsync(texts, form, isNew, existing, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return CardActionResult.WithMessage(texts.Format("Directory_Departments_Invalid", problem));
        }
        var department = new Department(
            isNew ? DepartmentCodes.Normalize(form.Code!) : existing!.Code,
            form.Name!.Trim(),
            Blank(form.Liaison),
            Blank(form.Backup),
            int.Parse(form.ResponseHours!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            Blank(form.Channel));
        var outcome = await editor.SaveAsync(department, isNew, caller.PersonKey, cancellationToken).ConfigureAwait(false);
        var notices = new List<string>
        {
            outcome switch
            {
                DepartmentChangeOutcome.Saved or DepartmentChangeOutcome.Unchanged => texts.Format("Directory_Departments_Saved", department.Code),
                DepartmentChangeOutcome.CodeTaken => texts.Format("Directory_Departments_CodeTaken", department.Code),
                DepartmentChangeOutcome.ChangedMeanwhile => texts["Directory_Departments_ChangedMeanwhile"],
                _ => texts["Directory_Departments_NotFound"],
            },
        };
        var view = await views.ViewAsync(department, cancellationToken).ConfigureAwait(false);
        notices.AddRange(new[] { view.Liaison, view.Backup }.OfType<Person>().Where(p => !p.Installed)
            .Select(p => texts.Format("Directory_Departments_LiaisonNotInstalled", DepartmentCards.Display(p))));
        return await views.ListCardAsync(texts, notices, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ValidateAsync(Texts texts, DepartmentFormData form, bool isNew, Department? existing, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Trim().Length > 100)
        {
            return texts["Directory_Departments_NameRequired"];
        }
        if (isNew && !DepartmentCodes.IsValid(form.Code))
        {
            return texts["Directory_Departments_CodeRequired"];
        }
        if (!int.TryParse(form.ResponseHours, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 720)
        {
            return texts["Directory_Departments_HoursRequired"];
        }
        var liaison = Blank(form.Liaison);
        var backup = Blank(form.Backup);
        if (liaison is not null && liaison == backup)
        {
            return texts["Directory_Departments_NotEligible"];
        }
        foreach (var key in new[] { liaison, backup }.OfType<string>())
        {
            var unchanged = key == existing?.LiaisonKey || key == existing?.BackupKey;
            var person = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
            if (person is null || (!person.Installed && !unchanged))
            {
                return texts["Directory_Departments_NotEligible"];
            }
        }
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim() == DepartmentCards.NoOne ? null : value.Trim();
}
