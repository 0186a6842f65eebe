using System.Net;

namespace TeamsEngage.Connector.Client;

/// <summary>A connector call that did not succeed, after any retries.</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message, HttpStatusCode? statusCode = null, string? errorCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception.</summary>
    public ConnectorException() : this("The connector call failed.") { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message) : this(message, null, null, null, null) { }

    /// <summary>Creates the exception.</summary>
    public ConnectorException(string message, Exception innerException) : this(message, null, null, null, innerException) { }

    /// <summary>The HTTP status, or null when no response came (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The connector's error code, or a Teams sub-code such as <c>MessageWritesBlocked</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>How long the connector asked the caller to wait (429), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The user blocked or removed the bot: sending again will not help.</summary>
    public bool IsBlocked => StatusCode == HttpStatusCode.Forbidden;

    /// <summary>The conversation or message no longer exists.</summary>
    public bool IsGone => StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone;

    /// <summary>Whether a later attempt may succeed (throttling, server errors, network failures).</summary>
    public bool IsTransient => !ConnectorErrorCodes.IsPermanent(ErrorCode) && StatusCode is null
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
