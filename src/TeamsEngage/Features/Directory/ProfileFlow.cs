using TeamsEngage.Bot;
using TeamsEngage.Commands;
using TeamsEngage.Localization;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary><c>profile</c>: shows the caller's department and language, ready to change.</summary>
public sealed class ProfileCommand(IPeopleDirectory directory) : ICommand
{
    public BotCommand Command => BotCommands.Profile;

    public async Task ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        var person = caller.PersonKey is null ? null : await directory.FindAsync(caller.PersonKey, cancellationToken).ConfigureAwait(false);
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var card = ProfileCards.Profile(caller.Texts, departments, person?.DepartmentCode, person?.Language);
        await context.Turn.SendAsync(Replies.Card(card, caller.Texts["Directory_Profile_Title"]), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// <c>profile.save</c>: stores the caller's own department and language. It only ever changes the caller's own row
/// (the person comes from the server-side caller, never from the card), and the department must exist.
/// </summary>
public sealed class ProfileSaveAction(IPeopleDirectory directory, PeopleEditor editor) : ICardAction
{
    public string Verb => DirectoryVerbs.ProfileSave;

    public async Task<CardActionResult> ExecuteAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        var data = context.DataAs<ProfileSaveData>();
        var department = string.IsNullOrWhiteSpace(data?.Department) ? null : await directory.FindDepartmentAsync(data.Department, cancellationToken).ConfigureAwait(false);
        if (department is null || caller.PersonKey is null)
        {
            var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
            return departments.Count == 0
                ? CardActionResult.WithMessage(caller.Texts["Directory_Profile_NoDepartments"])
                : CardActionResult.WithMessage(caller.Texts["Directory_Profile_UnknownDepartment"]);
        }
        var language = Texts.IsSupported(data?.Language) ? Texts.For(data!.Language).Language : null;
        var saved = await editor.SaveProfileAsync(caller.PersonKey, department.Code, language, caller.PersonKey, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return CardActionResult.WithMessage(caller.Texts["Error_CardAction"]);
        }
        return CardActionResult.WithCard(ProfileCards.Saved(Texts.For(saved.Language, caller.Texts.Language), department));
    }
}
