using System.Net;

namespace TeamsEngage.Connector.Client;

/// <summary>One connector request: verb, a loggable route template, the escaped relative path, and the statuses that mean success.</summary>
internal sealed record ConnectorCall(HttpMethod Method, string Route, string RelativePath, IReadOnlyList<HttpStatusCode> Success);
