using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.People;

namespace TeamsEngage.Features.Welcome;

/// <summary>
/// Welcomes a person once when the bot is added to their 1:1 chat, asking for their department and language when the
/// directory does not know them. Teams announces an install twice (installationUpdate and conversationUpdate);
/// <see cref="WelcomeLedger"/> makes sure only one welcome goes out.
/// </summary>
public sealed class WelcomeHandler(ICallerResolver callers, WelcomeLedger ledger, IPeopleDirectory directory) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.IsPersonal() || !turn.Activity.BotWasAdded())
        {
            return;
        }
        await WelcomeOnceAsync(turn, callers, ledger, directory, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task WelcomeOnceAsync(TurnContext turn, ICallerResolver callers, WelcomeLedger ledger, IPeopleDirectory directory, CancellationToken cancellationToken)
    {
        var conversationId = turn.Activity.Conversation!.Id!;
        if (!await ledger.TryClaimAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var caller = await callers.ResolveAsync(turn, cancellationToken).ConfigureAwait(false);
        var question = await AskAsync(caller, directory, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(Replies.Card(WelcomeCards.Welcome(caller.Texts, question), caller.Texts["Welcome_Title"]), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ProfileQuestion?> AskAsync(Caller caller, IPeopleDirectory directory, CancellationToken cancellationToken)
    {
        var person = caller.PersonKey is null ? null : await directory.FindAsync(caller.PersonKey, cancellationToken).ConfigureAwait(false);
        if (person is { DepartmentCode: not null, Language: not null })
        {
            return null;
        }
        var departments = await directory.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        return new ProfileQuestion(departments, person?.DepartmentCode, person?.Language);
    }
}

/// <summary>Welcomes on installationUpdate <c>add</c> in a 1:1 chat; the same ledger prevents a second welcome.</summary>
public sealed class InstallationHandler(ICallerResolver callers, WelcomeLedger ledger, IPeopleDirectory directory) : IActivityHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var isAdd = string.Equals(turn.Activity.Action, "add", StringComparison.OrdinalIgnoreCase);
        return isAdd && turn.Activity.IsPersonal()
            ? WelcomeHandler.WelcomeOnceAsync(turn, callers, ledger, directory, cancellationToken)
            : Task.CompletedTask;
    }
}
