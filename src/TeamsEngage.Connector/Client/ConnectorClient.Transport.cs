using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Client;

internal sealed partial class ConnectorClient
{
    private const string CorrelationHeader = "X-Correlating-OperationId";

    private async Task<T?> CallAsync<T>(string serviceUrl, ConnectorCall call, JsonNode? body, CancellationToken cancellationToken)
    {
        var uri = ResolveUri(serviceUrl, call);
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, BotJson.Options);
        string? token = null;
        if (_tokens.HasCredentials)
        {
            if (!_trust.IsTrusted(serviceUrl))
            {
                LogUntrusted(call.Method, call.Route, uri.Host);
                throw new ConnectorException(
                    "The serviceUrl host " + uri.Host + " is not trusted; the bot's token is sent only to serviceUrls of authenticated activities and well-known Teams hosts.",
                    null, ConnectorErrorCodes.UntrustedServiceUrl);
            }
            token = await _tokens.GetTokenAsync(false, cancellationToken).ConfigureAwait(false);
        }

        var response = await SendOnceAsync(call, uri, content, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            // A token can be revoked or rotated before MSAL's cache sees it expire: fetch a fresh one once.
            LogRefreshingToken(call.Method, call.Route);
            response.Dispose();
            token = await _tokens.GetTokenAsync(true, cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(call, uri, content, token, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
            if (!call.Success.Contains(response.StatusCode))
            {
                throw await ToExceptionAsync(call, response, correlationId, cancellationToken).ConfigureAwait(false);
            }
            LogSucceeded(call.Method, call.Route, (int)response.StatusCode, correlationId);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return default;
            }
            try
            {
                return JsonSerializer.Deserialize<T>(text, BotJson.Options);
            }
            catch (JsonException ex)
            {
                throw new ConnectorException("The connector's answer to " + call.Method + " " + call.Route + " is not valid JSON.", ex);
            }
        }
    }

    private static Uri ResolveUri(string serviceUrl, ConnectorCall call)
    {
        if (!ServiceUrlTrust.TryParse(serviceUrl, out var baseUri))
        {
            throw new ConnectorException(
                "The serviceUrl must be an absolute https URL (plain http only on a loopback host).",
                null, ConnectorErrorCodes.InvalidServiceUrl);
        }
        // Without the trailing slash, resolving the relative path would drop the regional segment (/amer/).
        if (!baseUri.AbsolutePath.EndsWith('/'))
        {
            baseUri = new UriBuilder(baseUri) { Path = baseUri.AbsolutePath + "/" }.Uri;
        }
        return new Uri(baseUri, call.RelativePath);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ConnectorCall call, Uri uri, byte[]? content, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, uri);
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            LogNoResponse(call.Method, call.Route, ex.GetType().Name);
            throw new ConnectorException("The connector could not be reached for " + call.Method + " " + call.Route + ".", null, ConnectorErrorCodes.NetworkError, null, ex);
        }
        catch (Exception ex) when (ex is TimeoutException or TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNoResponse(call.Method, call.Route, ex.GetType().Name);
            throw new ConnectorException("The connector did not answer " + call.Method + " " + call.Route + " in time.", null, ConnectorErrorCodes.Timeout, null, ex);
        }
    }

    private async Task<ConnectorException> ToExceptionAsync(ConnectorCall call, HttpResponseMessage response, string? correlationId, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = ConnectorErrorBody.Parse(text);
        var retryAfter = ConnectorResilience.ReadRetryAfter(response, _timeProvider);
        var status = (int)response.StatusCode;
        LogFailed(call.Method, call.Route, status, error.Code, correlationId);
        var message = "The connector answered " + call.Method + " " + call.Route + " with " + status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (error.Code is null ? string.Empty : " (" + error.Code + ")")
            + (error.Message is null ? "." : ": " + error.Message);
        return new ConnectorException(message, response.StatusCode, error.Code, retryAfter);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Connector {Method} {Route} answered {StatusCode}, correlation {CorrelationId}")]
    private partial void LogSucceeded(HttpMethod method, string route, int statusCode, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} {Route} failed with {StatusCode} {ErrorCode}, correlation {CorrelationId}")]
    private partial void LogFailed(HttpMethod method, string route, int statusCode, string? errorCode, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} {Route} got no response ({Failure})")]
    private partial void LogNoResponse(HttpMethod method, string route, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector {Method} {Route} answered 401; refreshing the bot token and trying once more")]
    private partial void LogRefreshingToken(HttpMethod method, string route);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refused connector {Method} {Route}: serviceUrl host {Host} is not trusted")]
    private partial void LogUntrusted(HttpMethod method, string route, string host);
}
