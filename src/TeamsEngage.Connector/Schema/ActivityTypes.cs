namespace TeamsEngage.Connector.Schema;

/// <summary>Activity type names used by Teams.</summary>
public static class ActivityTypes
{
    /// <summary>A message from a user, or an Action.Submit.</summary>
    public const string Message = "message";
    /// <summary>Members added or removed, team and channel events.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The app was installed or removed.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A synchronous request that expects an answer in the HTTP response.</summary>
    public const string Invoke = "invoke";
    /// <summary>A reaction on a bot message.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>A named event.</summary>
    public const string Event = "event";
    /// <summary>A typing indicator.</summary>
    public const string Typing = "typing";
}

/// <summary>Invoke names the bot answers.</summary>
public static class InvokeNames
{
    /// <summary>Action.Execute on an Adaptive Card (Universal Actions).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
    /// <summary>Opens a dialog (task module).</summary>
    public const string TaskFetch = "task/fetch";
    /// <summary>Submits a dialog (task module).</summary>
    public const string TaskSubmit = "task/submit";
}

/// <summary>Content types of attachments and invoke responses.</summary>
public static class ContentTypes
{
    /// <summary>An Adaptive Card attachment, or a card in an invoke response.</summary>
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    /// <summary>A plain message in an Adaptive Card invoke response.</summary>
    public const string ActivityMessage = "application/vnd.microsoft.activity.message";
    /// <summary>An error in an Adaptive Card invoke response.</summary>
    public const string Error = "application/vnd.microsoft.error";
}
