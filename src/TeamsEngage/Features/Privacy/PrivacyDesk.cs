using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.People;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// The administrators' <c>privacy</c> command and its buttons. The table admits administrators only, and finds the
/// person a button names in the administrator's tenant (<see cref="PrivacySubjectAccess"/>), so a forged key finds nobody.
/// </summary>
public sealed class PrivacyDesk(DataSubjects subjects, PersonalDataService personal, IOptions<PrivacyOptions> options)
{
    private const int MaxFound = 10;

    /// <summary><c>privacy</c> (optionally followed by what to search for): the search card.</summary>
    public async Task ShowAsync(CommandContext command, CancellationToken cancellationToken)
    {
        var query = command.Arguments.Trim();
        var found = query.Length == 0 ? null : await subjects.SearchAsync(query, MaxFound, cancellationToken).ConfigureAwait(false);
        var card = PrivacyCards.Search(command.Texts, query.Length == 0 ? null : query, found);
        await command.Turn.SendAsync(Replies.Card(card, command.Texts.Privacy_Title), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The people whose email or name contains the query.</summary>
    public async Task<CardActionResult> FindAsync(CardAction<PrivacyFindData> action, CancellationToken cancellationToken)
    {
        var query = action.Data.Query?.Trim();
        if (string.IsNullOrEmpty(query))
        {
            return CardActionResult.WithCard(PrivacyCards.Search(action.Texts));
        }
        var found = await subjects.SearchAsync(query, MaxFound, cancellationToken).ConfigureAwait(false);
        return CardActionResult.WithCard(PrivacyCards.Search(action.Texts, query, found));
    }

    /// <summary>A signed, expiring link to everything stored about the person.</summary>
    public async Task<CardActionResult> ExportAsync(CardAction<PrivacyPersonData, Person> action, CancellationToken cancellationToken)
    {
        var person = action.Entity;
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        var link = await personal.CreateExportLinkAsync(person.Key, actor, cancellationToken).ConfigureAwait(false);
        return link is null ? CardActionResult.NotFound : CardActionResult.WithCard(PrivacyCards.ExportReady(action.Texts, person, link, options.Value.LinkLifetime));
    }

    /// <summary>The confirmation before an erasure.</summary>
    public CardActionResult AskErase(CardAction<PrivacyPersonData, Person> action) =>
        CardActionResult.WithCard(PrivacyCards.ConfirmErase(action.Texts, action.Entity));

    /// <summary>Erases the person once confirmed; the search card comes back with the count of records changed.</summary>
    public async Task<CardActionResult> EraseAsync(CardAction<PrivacyPersonData, Person> action, CancellationToken cancellationToken)
    {
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        if (!action.Data.Confirmed)
        {
            return AskErase(action);
        }
        var result = await personal.EraseAsync(action.Entity.Key, actor, cancellationToken).ConfigureAwait(false);
        return result is null
            ? CardActionResult.NotFound
            : CardActionResult.WithCard(PrivacyCards.Search(action.Texts, notice: action.Texts.Privacy_Erased(result.Records.ToString(action.Texts.Culture))));
    }
}
