using TeamsEngage.Bot;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// The administrators' departments: the list, the add and edit forms, saving and removing. Every method is a handler
/// of <see cref="DirectoryFeature"/>'s table, which has already checked that the caller is an administrator.
/// </summary>
public sealed class DepartmentDesk(IPeopleDirectory directory, DepartmentEditor editor, DepartmentWork work)
{
    /// <summary><c>departments</c>: the list of departments.</summary>
    public async Task ShowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var card = DepartmentCards.List(command.Texts, await ViewsAsync(cancellationToken).ConfigureAwait(false), null, await SelfReportedAsync(cancellationToken).ConfigureAwait(false));
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Directory_Departments_Title), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Back to the list from a form.</summary>
    public Task<CardActionResult> ListAsync(CardActionContext action, CancellationToken cancellationToken) =>
        ListCardAsync(action.Texts, null, cancellationToken);

    /// <summary>The form for a new department.</summary>
    public async Task<CardActionResult> AddAsync(CardActionContext action, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(DepartmentCards.Form(action.Texts, null, await InstalledAsync(cancellationToken).ConfigureAwait(false)));

    /// <summary>The form of an existing department.</summary>
    public async Task<CardActionResult> EditAsync(Department department, CardActionContext action, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(department, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(DepartmentCards.Form(action.Texts, view, await InstalledAsync(cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// Adds (no original code) or edits a department. The liaison and backup must be different people who have
    /// installed the bot, unless they were already assigned.
    /// </summary>
    public async Task<CardActionResult> SaveAsync(CardAction<DepartmentFormData> action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        var form = action.Data;
        var isNew = string.IsNullOrWhiteSpace(form.OriginalCode);
        var existing = isNew ? null : await directory.FindDepartmentAsync(form.OriginalCode!, cancellationToken).ConfigureAwait(false);
        if (!isNew && existing is null)
        {
            return CardActionResult.NotFound;
        }
        var (department, problem) = DepartmentForm.Read(form, existing);
        problem ??= await AssignmentProblemAsync(department!, existing, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return CardActionResult.WithMessage(texts.Directory_Departments_Invalid(texts[problem]));
        }
        var outcome = await editor.SaveAsync(department!, isNew, actor, cancellationToken).ConfigureAwait(false);
        if (outcome is DepartmentChangeOutcome.ChangedMeanwhile or DepartmentChangeOutcome.NotFound)
        {
            return outcome == DepartmentChangeOutcome.NotFound ? CardActionResult.NotFound : CardActionResult.ChangedMeanwhile;
        }
        var notices = new List<string>
        {
            outcome == DepartmentChangeOutcome.CodeTaken
                ? texts.Directory_Departments_CodeTaken(department!.Code)
                : texts.Directory_Departments_Saved(department!.Code),
        };
        var view = await ViewAsync(department, cancellationToken).ConfigureAwait(false);
        notices.AddRange(new[] { view.Liaison, view.Backup }.OfType<Person>().Where(p => !p.Installed)
            .Select(p => texts.Directory_Departments_LiaisonNotInstalled(DepartmentCards.Display(p))));
        return await ListCardAsync(texts, notices, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a department that has no open work in any feature.</summary>
    public async Task<CardActionResult> RemoveAsync(Department department, CardActionContext action, CancellationToken cancellationToken)
    {
        var texts = action.Texts;
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        var outcome = await editor.RemoveAsync(department.Code, actor, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            DepartmentChangeOutcome.Saved => await ListCardAsync(texts, [texts.Directory_Departments_Removed(department.Code)], cancellationToken).ConfigureAwait(false),
            DepartmentChangeOutcome.HasOpenTickets => await ListCardAsync(texts, [await OpenWorkNoticeAsync(texts, department, cancellationToken).ConfigureAwait(false)], cancellationToken).ConfigureAwait(false),
            DepartmentChangeOutcome.ChangedMeanwhile => CardActionResult.ChangedMeanwhile,
            _ => CardActionResult.NotFound,
        };
    }

    private async Task<string> OpenWorkNoticeAsync(Texts texts, Department department, CancellationToken cancellationToken)
    {
        var open = await work.CountOpenAsync(department.Code, cancellationToken).ConfigureAwait(false);
        return texts.Directory_Departments_OpenTickets(department.Code, open.ToString(texts.Culture));
    }

    private async Task<string?> AssignmentProblemAsync(Department department, Department? existing, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { department.LiaisonKey, department.BackupKey }.OfType<string>())
        {
            var unchanged = key == existing?.LiaisonKey || key == existing?.BackupKey;
            var person = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
            if (person is null || (!person.Installed && !unchanged))
            {
                return TextKeys.Directory_Departments_NotEligible;
            }
        }
        return null;
    }

    /// <summary>The list of departments and of self-reported departments, with <paramref name="notices"/> on top.</summary>
    public async Task<CardActionResult> ListCardAsync(Texts texts, IReadOnlyList<string>? notices, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(DepartmentCards.List(texts, await ViewsAsync(cancellationToken).ConfigureAwait(false), notices, await SelfReportedAsync(cancellationToken).ConfigureAwait(false)));

    private async Task<IReadOnlyList<Person>> SelfReportedAsync(CancellationToken cancellationToken) =>
        await directory.ListPeopleAsync(cancellationToken).Where(p => p.DepartmentSource == DepartmentSource.SelfReported).ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<DepartmentView>> ViewsAsync(CancellationToken cancellationToken)
    {
        var views = new List<DepartmentView>();
        foreach (var department in await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(await ViewAsync(department, cancellationToken).ConfigureAwait(false));
        }
        return views;
    }

    private async Task<DepartmentView> ViewAsync(Department d, CancellationToken cancellationToken) => new(
        d,
        d.LiaisonKey is null ? null : await directory.FindAsync(d.LiaisonKey, cancellationToken).ConfigureAwait(false),
        d.BackupKey is null ? null : await directory.FindAsync(d.BackupKey, cancellationToken).ConfigureAwait(false));

    private async Task<IReadOnlyList<Person>> InstalledAsync(CancellationToken cancellationToken) =>
        await directory.ListPeopleAsync(cancellationToken).Where(p => p.Installed).ToListAsync(cancellationToken).ConfigureAwait(false);
}

/// <summary>Finds the department a card names; the role is checked by the table, so existing is enough.</summary>
public sealed class DepartmentAccess(IPeopleDirectory directory) : IEntityAccess<Department>
{
    public async Task<EntityAccess<Department>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken) =>
        await directory.FindDepartmentAsync(id, cancellationToken).ConfigureAwait(false) is { } department
            ? EntityAccess.Granted(department)
            : EntityAccess.Missing<Department>();
}
