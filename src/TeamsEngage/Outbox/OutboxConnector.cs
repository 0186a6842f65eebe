using TeamsEngage.Connector.Client;

namespace TeamsEngage.Outbox;

/// <summary>
/// The outbox's own connector client: the same client class and token provider as the app's, but on an HttpClient
/// without the retry handler, because the dispatcher handles 429 (pausing the whole tenant for exactly the
/// Retry-After) and transient failures (rescheduling the row, freeing its slot) itself.
/// </summary>
public sealed class OutboxConnector(IConnectorClient client)
{
    public const string HttpClientName = "TeamsEngage.Outbox";

    public IConnectorClient Client { get; } = client;
}
