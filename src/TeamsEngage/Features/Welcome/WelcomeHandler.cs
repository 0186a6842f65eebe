using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Welcome;

/// <summary>
/// Welcomes a person once when the bot is added to their 1:1 chat. Teams announces an install twice
/// (installationUpdate and conversationUpdate); <see cref="WelcomeLedger"/> makes sure only one welcome goes out.
/// </summary>
public sealed class WelcomeHandler(ICallerResolver callers, WelcomeLedger ledger) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.IsPersonal() || !turn.Activity.BotWasAdded())
        {
            return;
        }
        await WelcomeOnceAsync(turn, callers, ledger, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task WelcomeOnceAsync(TurnContext turn, ICallerResolver callers, WelcomeLedger ledger, CancellationToken cancellationToken)
    {
        var conversationId = turn.Activity.Conversation!.Id!;
        if (!await ledger.TryClaimAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var caller = await callers.ResolveAsync(turn, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(Replies.Card(WelcomeCards.Welcome(caller.Texts), caller.Texts["Welcome_Title"]), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Welcomes on installationUpdate <c>add</c> in a 1:1 chat; the same ledger prevents a second welcome.</summary>
public sealed class InstallationHandler(ICallerResolver callers, WelcomeLedger ledger) : IActivityHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var isAdd = string.Equals(turn.Activity.Action, "add", StringComparison.OrdinalIgnoreCase);
        return isAdd && turn.Activity.IsPersonal()
            ? WelcomeHandler.WelcomeOnceAsync(turn, callers, ledger, cancellationToken)
            : Task.CompletedTask;
    }
}
