using System.Security.Claims;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Routing;

/// <summary>One inbound activity being handled, and the means to answer in its conversation.</summary>
public sealed class TurnContext
{
    /// <summary>Creates a turn.</summary>
    public TurnContext(Activity activity, ClaimsIdentity identity, IConnectorClient connector, IServiceProvider services)
    {
        Activity = activity;
        Identity = identity;
        Connector = connector;
        Services = services;
    }

    /// <summary>The inbound activity.</summary>
    public Activity Activity { get; }

    /// <summary>The authenticated caller (anonymous in local development).</summary>
    public ClaimsIdentity Identity { get; }

    /// <summary>The outbound connector.</summary>
    public IConnectorClient Connector { get; }

    /// <summary>The request's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The text of a message with the bot's own mention removed.</summary>
    public string Text => Activity.GetTextWithoutBotMention();

    /// <summary>Sends a message into the conversation of the inbound activity.</summary>
    public Task<ResourceResponse> SendAsync(Activity message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var conversationId = Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        message.Type ??= ActivityTypes.Message;
        message.Conversation ??= new ConversationAccount { Id = conversationId };
        message.From ??= Activity.Recipient is null ? null : new ChannelAccount { Id = Activity.Recipient.Id, Name = Activity.Recipient.Name };
        message.Recipient ??= Activity.From is null ? null : new ChannelAccount { Id = Activity.From.Id, Name = Activity.From.Name };
        return Connector.SendAsync(Activity.ServiceUrl!, conversationId, message, cancellationToken);
    }

    /// <summary>Sends an Adaptive Card into the conversation.</summary>
    public Task<ResourceResponse> SendCardAsync(object card, string? summary = null, CancellationToken cancellationToken = default) =>
        SendAsync(new Activity
        {
            Summary = summary,
            Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
        }, cancellationToken);

    /// <summary>Replaces a message the bot sent in this conversation, for example the card that was acted on.</summary>
    public Task<ResourceResponse> UpdateCardAsync(string activityId, object card, CancellationToken cancellationToken = default)
    {
        var conversationId = Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var update = new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            Conversation = new ConversationAccount { Id = conversationId },
            Attachments = [new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card }],
        };
        return Connector.UpdateAsync(Activity.ServiceUrl!, conversationId, activityId, update, cancellationToken);
    }
}
