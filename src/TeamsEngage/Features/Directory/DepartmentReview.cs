using TeamsEngage.Bot;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// Administrators review departments people chose themselves: confirming one (or choosing the right one) makes it
/// the directory's, which the person can no longer change. The table has checked that the caller is an administrator.
/// </summary>
public sealed class DepartmentReview(IPeopleDirectory directory, PeopleEditor editor, DepartmentDesk desk)
{
    /// <summary>The review form of one person's self-reported department.</summary>
    public async Task<CardActionResult> ShowAsync(CardAction<PersonRef> action, CancellationToken cancellationToken)
    {
        var person = await directory.FindAsync(action.Data.PersonKey, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return CardActionResult.NotFound;
        }
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(DepartmentCards.Review(action.Texts, person, departments));
    }

    /// <summary>Confirms the department chosen on the form; back to the list with a confirmation.</summary>
    public async Task<CardActionResult> ConfirmAsync(CardAction<ConfirmDepartmentData> action, CancellationToken cancellationToken)
    {
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        var department = action.Data.Department is { } code ? await directory.FindDepartmentAsync(code, cancellationToken).ConfigureAwait(false) : null;
        if (department is null || await directory.FindAsync(action.Data.PersonKey, cancellationToken).ConfigureAwait(false) is null)
        {
            return CardActionResult.NotFound;
        }
        var (outcome, person) = await editor.ConfirmDepartmentAsync(action.Data.PersonKey, department.Code, actor, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            UpdateOutcome.Written or UpdateOutcome.Unchanged => await desk.ListCardAsync(
                action.Texts, [action.Texts.Directory_SelfReported_Confirmed(DepartmentCards.Display(person!), department.Code)], cancellationToken).ConfigureAwait(false),
            UpdateOutcome.Contended => CardActionResult.ChangedMeanwhile,
            _ => CardActionResult.NotFound,
        };
    }
}
