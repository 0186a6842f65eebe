namespace TeamsEngage.Connector.Routing;

/// <summary>Handles activities of one type (message, conversationUpdate, …). Resolved from the request's services.</summary>
public interface IActivityHandler
{
    /// <summary>Handles the turn.</summary>
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Answers one invoke name (adaptiveCard/action, task/fetch, …). Resolved from the request's services.</summary>
public interface IInvokeHandler
{
    /// <summary>Handles the invoke and returns what goes into the HTTP response.</summary>
    Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Runs for every authenticated activity before it is routed (for example to record conversation references).</summary>
public interface ITurnObserver
{
    /// <summary>Observes the turn. An exception here is logged and does not stop the turn.</summary>
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Turns an exception escaping a handler into what the person sees. Called once, at the boundary.</summary>
public interface ITurnErrorHandler
{
    /// <summary>For non-invoke activities: tells the person something went wrong.</summary>
    Task OnMessageErrorAsync(TurnContext turn, Exception exception, CancellationToken cancellationToken);

    /// <summary>For invokes: the response the client gets instead.</summary>
    InvokeResponse OnInvokeError(TurnContext turn, Exception exception);
}
