using TeamsEngage.Bot;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Localization;
using TeamsEngage.Outbox;
using TeamsEngage.People;

namespace TeamsEngage.Features.Directory;

/// <summary>
/// Welcomes a person once when the bot is added to their 1:1 chat: the directory's first word to them, asking for
/// their department and language when it does not know them. Teams announces an install twice (installationUpdate
/// and conversationUpdate); <see cref="WelcomeLedger"/> makes sure only one welcome goes out. The welcome is not the
/// answer to anything the person said, so it goes through the outbox: a district installing the app for everyone at
/// once gets one welcome each at the tenant's rate, and the install turn itself is answered at once.
/// </summary>
public sealed class Welcomer(ICallerResolver callers, WelcomeLedger ledger, IOutbox outbox) : IActivityHandler
{
    public const string WelcomeKind = "directory.welcome";

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!IsInstall(turn.Activity) || turn.Activity.From?.Id is not { Length: > 0 } userId
            || !await ledger.TryClaimAsync(turn.Activity.Conversation!.Id!, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var caller = await callers.ResolveAsync(turn, cancellationToken).ConfigureAwait(false);
        await outbox.EnqueueAsync(OutboxMessage.Create(userId, WelcomeKind, new WelcomePayload(caller.PersonKey, caller.Name, caller.Role), OutboxPriority.Normal), cancellationToken).ConfigureAwait(false);
    }

    private static bool IsInstall(Activity activity) => activity.IsPersonal() && activity.Type switch
    {
        ActivityTypes.ConversationUpdate => activity.BotWasAdded(),
        ActivityTypes.InstallationUpdate => string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}

/// <summary>The welcome's payload: whom the directory knows the person as, if anyone, their name and their role at install.</summary>
public sealed record WelcomePayload(string? PersonKey, string? Name = null, Role Role = Role.Member);

/// <summary>Renders the welcome at send time, in the person's language, with the profile question when it is needed.</summary>
public sealed class WelcomeRenderer(IPeopleDirectory directory, ProfileDesk profiles) : OutboxRenderer<WelcomePayload>
{
    public override string Kind => Welcomer.WelcomeKind;

    protected override async Task<RenderedMessage?> RenderAsync(WelcomePayload payload, RenderContext context, CancellationToken cancellationToken)
    {
        var texts = await directory.TextsForAsync(payload.PersonKey, context.Recipient.UserId, context.Recipient.Locale, cancellationToken).ConfigureAwait(false);
        var question = await profiles.QuestionAsync(payload.PersonKey, texts, cancellationToken).ConfigureAwait(false);
        var person = payload.PersonKey is { } key ? await directory.FindAsync(key, cancellationToken).ConfigureAwait(false) : null;
        var greeting = new WelcomeGreeting(person?.Name ?? payload.Name, payload.Role, await CoveredAsync(payload, cancellationToken).ConfigureAwait(false));
        return new RenderedMessage(WelcomeCards.Welcome(texts, question, greeting), null, texts.Welcome_Title);
    }

    // The departments a liaison covers, as liaison or backup, by name.
    private async Task<IReadOnlyList<string>> CoveredAsync(WelcomePayload payload, CancellationToken cancellationToken)
    {
        if (payload.Role != Role.Liaison || payload.PersonKey is not { } key)
        {
            return [];
        }
        return await directory.CoveredByAsync(key, cancellationToken).ConfigureAwait(false);
    }
}
