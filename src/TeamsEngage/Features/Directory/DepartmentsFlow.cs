using System.Globalization;
using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>Builds the departments list and form from the directory.</summary>
public sealed class DepartmentViews(IPeopleDirectory directory)
{
    public async Task<IReadOnlyList<DepartmentView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<DepartmentView>();
        foreach (var d in await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(await ViewAsync(d, cancellationToken).ConfigureAwait(false));
        }
        return views;
    }

    public async Task<DepartmentView> ViewAsync(Department d, CancellationToken cancellationToken) => new(
        d,
        d.LiaisonKey is null ? null : await directory.FindAsync(d.LiaisonKey, cancellationToken).ConfigureAwait(false),
        d.BackupKey is null ? null : await directory.FindAsync(d.BackupKey, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Person>> InstalledAsync(CancellationToken cancellationToken) =>
        await directory.ListPeopleAsync(cancellationToken).Where(p => p.Installed).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<CardActionResult> ListCardAsync(Texts texts, IReadOnlyList<string>? notices, CancellationToken cancellationToken) =>
        CardActionResult.WithCard(DepartmentCards.List(texts, await ListAsync(cancellationToken).ConfigureAwait(false), notices));
}

/// <summary><c>departments</c> (administrators): the list of departments.</summary>
public sealed class DepartmentsCommand(DepartmentViews views) : ICommand
{
    public BotCommand Command => BotCommands.Departments;

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var card = DepartmentCards.List(context.Caller.Texts, await views.ListAsync(cancellationToken).ConfigureAwait(false));
        await context.Turn.SendAsync(Replies.Card(card, context.Caller.Texts["Directory_Departments_Title"]), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>departments.list</c>: back to the list from a form.</summary>
public sealed class DepartmentsListAction(DepartmentViews views) : ICardAction
{
    public string Verb => DirectoryVerbs.DepartmentsList;

    public Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken) =>
        !context.Caller.Has(Role.Administrator)
            ? Task.FromResult(CardActionResult.WithMessage(context.Caller.Texts["Directory_Refused"]))
            : views.ListCardAsync(context.Caller.Texts, null, cancellationToken);
}

/// <summary><c>departments.edit</c>: the add form (no code) or the edit form of a department.</summary>
public sealed class DepartmentEditAction(IPeopleDirectory directory, DepartmentViews views) : ICardAction
{
    public string Verb => DirectoryVerbs.DepartmentEdit;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var texts = context.Caller.Texts;
        if (!context.Caller.Has(Role.Administrator))
        {
            return CardActionResult.WithMessage(texts["Directory_Refused"]);
        }
        var code = context.DataAs<DepartmentRef>()?.Code;
        var department = string.IsNullOrWhiteSpace(code) ? null : await directory.FindDepartmentAsync(code, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(code) && department is null)
        {
            return await views.ListCardAsync(texts, [texts["Directory_Departments_NotFound"]], cancellationToken).ConfigureAwait(false);
        }
        var view = department is null ? null : await views.ViewAsync(department, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(DepartmentCards.Form(texts, view, await views.InstalledAsync(cancellationToken).ConfigureAwait(false)));
    }
}

/// <summary><c>departments.remove</c>: removes a department that has no open tickets.</summary>
public sealed class DepartmentRemoveAction(DepartmentEditor editor, DepartmentWork openTickets, DepartmentViews views) : ICardAction
{
    public string Verb => DirectoryVerbs.DepartmentRemove;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        if (!caller.Has(Role.Administrator) || caller.PersonKey is null)
        {
            return CardActionResult.WithMessage(caller.Texts["Directory_Refused"]);
        }
        var code = context.DataAs<DepartmentRef>()?.Code ?? string.Empty;
        var outcome = await editor.RemoveAsync(code, caller.PersonKey, cancellationToken).ConfigureAwait(false);
        var notice = outcome switch
        {
            DepartmentChangeOutcome.Saved => caller.Texts.Format("Directory_Departments_Removed", code.ToUpperInvariant()),
            DepartmentChangeOutcome.HasOpenTickets => caller.Texts.Format("Directory_Departments_OpenTickets", code.ToUpperInvariant(),
                (await openTickets.CountOpenAsync(code.ToUpperInvariant(), cancellationToken).ConfigureAwait(false)).ToString(caller.Texts.Culture)),
            DepartmentChangeOutcome.ChangedMeanwhile => caller.Texts["Directory_Departments_ChangedMeanwhile"],
            _ => caller.Texts["Directory_Departments_NotFound"],
        };
        return await views.ListCardAsync(caller.Texts, [notice], cancellationToken).ConfigureAwait(false);
    }
}
