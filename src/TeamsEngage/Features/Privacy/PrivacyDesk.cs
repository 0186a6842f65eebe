using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.People;

namespace TeamsEngage.Features.Privacy;

/// <summary>
/// The administrators' <c>privacy</c> command and its buttons. The table admits administrators only; a person key on a
/// card is looked up again here, so a forged one finds nobody.
/// </summary>
public sealed class PrivacyDesk(IPeopleDirectory directory, DataSubjects subjects, PersonalDataService personal, IOptions<PrivacyOptions> options)
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
    public async Task<CardActionResult> ExportAsync(CardAction<PrivacyPersonData> action, CancellationToken cancellationToken)
    {
        if (action.Caller.PersonKey is not { } actor || await directory.FindAsync(action.Data.PersonKey, cancellationToken).ConfigureAwait(false) is not { } person)
        {
            return CardActionResult.NotFound;
        }
        var link = await personal.CreateExportLinkAsync(person.Key, actor, cancellationToken).ConfigureAwait(false);
        return link is null ? CardActionResult.NotFound : CardActionResult.WithCard(PrivacyCards.ExportReady(action.Texts, person, link, options.Value.LinkLifetime));
    }

    /// <summary>The confirmation before an erasure.</summary>
    public async Task<CardActionResult> AskEraseAsync(CardAction<PrivacyPersonData> action, CancellationToken cancellationToken) =>
        await directory.FindAsync(action.Data.PersonKey, cancellationToken).ConfigureAwait(false) is { } person
            ? CardActionResult.WithCard(PrivacyCards.ConfirmErase(action.Texts, person))
            : CardActionResult.NotFound;

    /// <summary>Erases the person once confirmed; the search card comes back with the count of records changed.</summary>
    public async Task<CardActionResult> EraseAsync(CardAction<PrivacyPersonData> action, CancellationToken cancellationToken)
    {
        if (action.Caller.PersonKey is not { } actor)
        {
            return CardActionResult.Refused;
        }
        if (!action.Data.Confirmed)
        {
            return await AskEraseAsync(action, cancellationToken).ConfigureAwait(false);
        }
        var result = await personal.EraseAsync(action.Data.PersonKey, actor, cancellationToken).ConfigureAwait(false);
        return result is null
            ? CardActionResult.NotFound
            : CardActionResult.WithCard(PrivacyCards.Search(action.Texts, notice: action.Texts.Privacy_Erased(result.Records.ToString(action.Texts.Culture))));
    }
}
