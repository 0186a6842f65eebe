namespace TeamsEngage.Connector.Client;

/// <summary>Service keys of the <see cref="IConnectorClient"/> variants registered by <see cref="ConnectorServiceCollectionExtensions.AddBotConnectorClient"/>.</summary>
public static class ConnectorClientKeys
{
    /// <summary>
    /// The client for proactive sends by a durable outbox: no retries and no timeout of its own, because the caller
    /// handles 429 (pausing the whole tenant for the Retry-After), transient failures (rescheduling) and its own
    /// timeout. Resolve it with <c>[FromKeyedServices(ConnectorClientKeys.Proactive)] IConnectorClient</c>.
    /// </summary>
    public const string Proactive = "TeamsEngage.Connector.Proactive";
}
