using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Auth;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Hosting;

/// <summary>
/// The messaging endpoint: reads and checks the activity, authenticates it, applies the tenant allow-list,
/// lets the observers see it, routes it, and writes the protocol's answer. Errors are turned into answers here, once.
/// </summary>
internal sealed partial class BotEndpoint(
    IInboundAuthenticator authenticator,
    ServiceUrlTrust serviceUrlTrust,
    IConnectorClient connector,
    ActivityRouter router,
    IOptions<BotEndpointOptions> options,
    ConnectorMetrics metrics,
    ILogger<BotEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var limit = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var (activity, problem) = await ReadActivityAsync(http.Request, limit, cancellationToken).ConfigureAwait(false);
        if (activity is null)
        {
            return problem!;
        }

        var identity = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, cancellationToken).ConfigureAwait(false);
        if (identity is null)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (!IsTenantAllowed(activity))
        {
            LogTenantRefused(logger, activity.GetTenantId() ?? "(none)", activity.Type!);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (identity.IsAuthenticated && identity.AuthenticationType != "anonymous")
        {
            serviceUrlTrust.Trust(activity.ServiceUrl!);
        }

        metrics.ActivityReceived(activity.Type);
        var turn = new TurnContext(activity, identity, connector, http.RequestServices);
        await ObserveAsync(turn, cancellationToken).ConfigureAwait(false);

        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            // Wall time on purpose: a test's fake clock must not make every invoke look instant.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var response = await InvokeAsync(turn, cancellationToken).ConfigureAwait(false);
            metrics.InvokeAnswered(activity.Name, response.Status, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return response.Body is null
                ? Results.StatusCode(response.Status)
                : Results.Json(response.Body, BotJson.Options, statusCode: response.Status);
        }

        await DispatchAsync(turn, cancellationToken).ConfigureAwait(false);
        return Results.Ok();
    }

    private async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
            }
            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), BotJson.Options);
        }
        catch (JsonException ex)
        {
            LogMalformed(logger, ex.Message);
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a valid activity."));
        }

        var missing = activity switch
        {
            null => "body",
            { Type: null or "" } => "type",
            { ServiceUrl: null or "" } => "serviceUrl",
            { Conversation.Id: null or "" } => "conversation.id",
            _ => null,
        };
        if (missing is not null)
        {
            LogMalformed(logger, "missing " + missing);
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The activity has no {missing}."));
        }
        return (activity, null);
    }

    private bool IsTenantAllowed(Activity activity)
    {
        var allowed = options.Value.AllowedTenants;
        if (allowed.Count == 0)
        {
            return true;
        }
        var tenant = activity.GetTenantId();
        return tenant is not null && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }

    private async Task ObserveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var observer in turn.Services.GetServices<ITurnObserver>())
        {
            try
            {
                await observer.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(logger, ex, observer.GetType().Name);
            }
        }
    }

    private async Task<InvokeResponse> InvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var handler = router.FindInvokeHandler(turn.Activity.Name, turn.Services);
        if (handler is null)
        {
            LogUnhandledInvoke(logger, turn.Activity.Name ?? "(none)");
            return InvokeResponse.NotImplemented;
        }
        try
        {
            return await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(logger, ex, turn.Activity.Type!, turn.Activity.Name ?? string.Empty);
            var errors = turn.Services.GetService<ITurnErrorHandler>();
            return errors?.OnInvokeError(turn, ex) ?? InvokeResponse.CardError(500, "InternalError", "Something went wrong.");
        }
    }

    private async Task DispatchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var handler = router.FindActivityHandler(turn.Activity.Type!, turn.Services);
        if (handler is null)
        {
            return;
        }
        try
        {
            await handler.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(logger, ex, turn.Activity.Type!, string.Empty);
            var errors = turn.Services.GetService<ITurnErrorHandler>();
            if (errors is not null)
            {
                try
                {
                    await errors.OnMessageErrorAsync(turn, ex, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception inner) when (inner is not OperationCanceledException)
                {
                    LogHandlerFailed(logger, inner, "error-reply", string.Empty);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity with a malformed body: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} activity from tenant {TenantId}, which is not allowed")]
    private static partial void LogTenantRefused(ILogger logger, string tenantId, string activityType);

    [LoggerMessage(Level = LogLevel.Information, Message = "No handler for invoke {InvokeName}; answered 501")]
    private static partial void LogUnhandledInvoke(ILogger logger, string invokeName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for {ActivityType} {InvokeName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string activityType, string invokeName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn observer {Observer} failed")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);
}
