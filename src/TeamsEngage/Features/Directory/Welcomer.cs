using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// Welcomes a person once when the bot is added to their 1:1 chat: the directory's first word to them, asking for
/// their department and language when it does not know them. Teams announces an install twice (installationUpdate
/// and conversationUpdate); <see cref="WelcomeLedger"/> makes sure only one welcome goes out.
/// </summary>
public sealed class Welcomer(ICallerResolver callers, WelcomeLedger ledger, ProfileDesk profiles) : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!IsInstall(turn.Activity) || !await ledger.TryClaimAsync(turn.Activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var caller = await callers.ResolveAsync(turn, cancellationToken).ConfigureAwait(false);
        var question = await profiles.QuestionAsync(caller, cancellationToken).ConfigureAwait(false);
        await turn.SendAsync(Replies.Card(WelcomeCards.Welcome(caller.Texts, question), caller.Texts.Welcome_Title), cancellationToken).ConfigureAwait(false);
    }

    private static bool IsInstall(Activity activity) => activity.IsPersonal() && activity.Type switch
    {
        ActivityTypes.ConversationUpdate => activity.BotWasAdded(),
        ActivityTypes.InstallationUpdate => string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
