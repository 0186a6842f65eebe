using System.Collections.Concurrent;
using System.Net;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.People;

/// <summary>
/// Records a person in the directory on their first activity in their 1:1 chat. When the bot is installed it asks the
/// connector once for their email or UPN (and their name, which an install often lacks), which merges the row an import made for that email. The lookup is bounded by
/// a short timeout and a failure is tolerated (the person is recorded without an email). Other activities never call
/// the connector, and once this instance has recorded someone their later turns cost nothing here.
/// </summary>
public sealed partial class FirstContactRecorder(TurnPersonRecord sender, PeopleEditor editor, RecordedContacts recorded, ILogger<FirstContactRecorder> logger) : ITurnObserver
{
    private static readonly TimeSpan MemberLookupTimeout = TimeSpan.FromSeconds(5);

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (!activity.IsPersonal() || activity.From is not { Id: { Length: > 0 } userId, AadObjectId: { Length: > 0 } oid }
            || activity.Conversation?.Id is not { } conversationId || activity.ServiceUrl is not { } serviceUrl)
        {
            return;
        }
        if (activity.Type == ActivityTypes.InstallationUpdate && string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase))
        {
            // Leaving is recorded by the uninstall's handler; recording a contact here would bring the person back.
            return;
        }
        var isInstall = IsInstall(activity);
        if (!isInstall && recorded.Contains(userId))
        {
            return;
        }
        var existing = await sender.FindAsync(PeopleRows.KeyForObjectId(oid), cancellationToken).ConfigureAwait(false);
        var askConnector = isInstall && existing?.MemberChecked != true;
        if (!askConnector && existing is not null && existing.Person.UserId == userId)
        {
            recorded.Add(userId);
            return;
        }
        var lookup = askConnector ? await LookUpMemberAsync(turn.Connector, serviceUrl, conversationId, userId, cancellationToken).ConfigureAwait(false) : default;
        // Teams often sends an install without the person's name; the member lookup has it, so a liaison is named
        // to the people she serves before she has written a word.
        var name = activity.From.Name is { Length: > 0 } said ? said : lookup.Name;
        sender.Forget();
        await editor.RecordContactAsync(new Contact(oid, userId, name, lookup.Email, lookup.Answered), cancellationToken).ConfigureAwait(false);
        recorded.Add(userId);
    }

    private static bool IsInstall(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase))
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.BotWasAdded());

    private async Task<(string? Email, string? Name, bool Answered)> LookUpMemberAsync(IConnectorClient connector, string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MemberLookupTimeout);
        try
        {
            var member = await connector.GetMemberAsync(serviceUrl, conversationId, userId, timeout.Token).ConfigureAwait(false);
            var email = member.Email is { Length: > 0 } e ? e : member.UserPrincipalName is { Length: > 0 } upn ? upn : null;
            return (email, member.Name is { Length: > 0 } name ? name : null, true);
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, null, true);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogLookupFailed(logger, ex.GetType().Name);
            return (null, null, false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up a new person's email from the connector ({Failure}); they are recorded without one")]
    private static partial void LogLookupFailed(ILogger logger, string failure);
}

/// <summary>The Teams user ids this instance has already recorded in the directory, so their later turns skip the store.</summary>
public sealed class RecordedContacts
{
    private readonly ConcurrentDictionary<string, byte> _userIds = new(StringComparer.Ordinal);

    public bool Contains(string userId) => _userIds.ContainsKey(userId);

    public void Add(string userId) => _userIds.TryAdd(userId, 0);
}
