using TeamsEngage.Bot;
using TeamsEngage.Localization;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// Everyone's own profile: their department and language, asked on the welcome, shown by <c>profile</c> and saved
/// from either card. A save only ever changes the caller's own row: the person comes from the server-side caller,
/// never from the card. A department the directory set is authoritative: it is shown, not offered, and a save that
/// names another one is refused.
/// </summary>
public sealed class ProfileDesk(IPeopleDirectory directory, PeopleEditor editor)
{
    /// <summary><c>profile</c>: the caller's department and language, ready to change.</summary>
    public async Task ShowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var person = command.Caller.PersonKey is { } key ? await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) : null;
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var locked = await LockOfAsync(person, command.Texts, cancellationToken).ConfigureAwait(false);
        var card = ProfileCards.Profile(command.Texts, departments, person, locked);
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Directory_Profile_Title), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores the chosen <paramref name="department"/> and language; the confirmation is in the new language.</summary>
    public async Task<CardActionResult> SaveAsync(Department department, CardAction<ProfileSaveData> action, CancellationToken cancellationToken)
    {
        if (action.Caller.PersonKey is not { } personKey)
        {
            return CardActionResult.Refused;
        }
        var person = await directory.FindAsync(personKey, cancellationToken).ConfigureAwait(false);
        if (person is { DepartmentSource: DepartmentSource.Directory } && person.DepartmentCode != department.Code)
        {
            return CardActionResult.WithMessage(action.Texts.Directory_Profile_LockedRefused);
        }
        var language = Texts.IsSupported(action.Data.Language) ? Texts.For(action.Data.Language).Language : null;
        var (outcome, saved) = await editor.SaveProfileAsync(personKey, department.Code, language, personKey, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            UpdateOutcome.Written or UpdateOutcome.Unchanged => CardActionResult.WithCard(ProfileCards.Saved(Texts.For(saved!.Language, action.Texts.Language), department)),
            UpdateOutcome.Contended => CardActionResult.ChangedMeanwhile,
            _ => CardActionResult.Refused,
        };
    }

    /// <summary>What the welcome asks a newcomer; null when the directory already knows their department and language.</summary>
    public Task<ProfileQuestion?> QuestionAsync(Caller caller, CancellationToken cancellationToken) =>
        QuestionAsync(caller.PersonKey, caller.Texts, cancellationToken);

    /// <summary>The same question for the person with <paramref name="personKey"/>, outside a turn (the welcome's renderer).</summary>
    public async Task<ProfileQuestion?> QuestionAsync(string? personKey, Texts texts, CancellationToken cancellationToken)
    {
        var person = personKey is null ? null : await directory.FindAsync(personKey, cancellationToken).ConfigureAwait(false);
        if (person is { DepartmentCode: not null, Language: not null })
        {
            return null;
        }
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var locked = await LockOfAsync(person, texts, cancellationToken).ConfigureAwait(false);
        return new ProfileQuestion(departments, person?.DepartmentCode, person?.Language, locked);
    }

    /// <summary>The department the directory set for the person, with the administrators to ask; null when they may choose.</summary>
    private async Task<DepartmentLock?> LockOfAsync(Person? person, Texts texts, CancellationToken cancellationToken)
    {
        if (person is not { DepartmentSource: DepartmentSource.Directory, DepartmentCode: { } code }
            || await directory.FindDepartmentAsync(code, cancellationToken).ConfigureAwait(false) is not { } department)
        {
            return null;
        }
        var administrators = (await directory.ListAdministratorsAsync(cancellationToken).ConfigureAwait(false))
            .Select(a => a.Name ?? a.Email).OfType<string>().Take(3).ToList();
        return new DepartmentLock(department, administrators.Count > 0 ? string.Join(", ", administrators) : texts.Directory_Profile_AskAdministrator);
    }
}
