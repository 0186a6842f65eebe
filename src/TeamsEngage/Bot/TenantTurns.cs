using TeamsEngage.Connector.Routing;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Storage;

namespace TeamsEngage.Bot;

/// <summary>
/// Admits a turn into its tenant: every store read and write of the turn then happens in the activity's tenant
/// (<see cref="TenantScope"/>). An activity without a tenant id gets no further: no feature code runs for it.
/// </summary>
public sealed partial class TenantTurn(TenantRegistry tenants, ILogger<TenantTurn> logger)
{
    /// <summary>The activity's tenant, recorded as served; null (and a log line) when it has none.</summary>
    public async Task<string?> AdmitAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var tenant = TenantScope.Normalize(turn.Activity.GetTenantId());
        if (tenant is null)
        {
            LogNoTenant(logger, turn.Activity.Type ?? string.Empty, turn.Activity.Name ?? string.Empty);
            return null;
        }
        await tenants.RecordAsync(tenant, cancellationToken).ConfigureAwait(false);
        return tenant;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} {InvokeName} activity that names no tenant: nothing of the app ran for it")]
    private static partial void LogNoTenant(ILogger logger, string activityType, string invokeName);
}

/// <summary>Runs <typeparamref name="THandler"/> inside the activity's tenant.</summary>
public sealed class InTenant<THandler>(THandler inner, TenantTurn tenants) : IActivityHandler where THandler : IActivityHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await tenants.AdmitAsync(turn, cancellationToken).ConfigureAwait(false) is not { } tenant)
        {
            return;
        }
        using (TenantScope.Enter(tenant))
        {
            await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Answers an invoke with <typeparamref name="THandler"/> inside the activity's tenant; without one, 403.</summary>
public sealed class InTenantInvoke<THandler>(THandler inner, TenantTurn tenants) : IInvokeHandler where THandler : IInvokeHandler
{
    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await tenants.AdmitAsync(turn, cancellationToken).ConfigureAwait(false) is not { } tenant)
        {
            return InvokeResponse.CardError(403, "NoTenant", "The activity names no tenant.");
        }
        using (TenantScope.Enter(tenant))
        {
            return await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Lets <typeparamref name="TObserver"/> see the turn inside the activity's tenant; without one, it does not see it.</summary>
public sealed class InTenantObserver<TObserver>(TObserver inner) : ITurnObserver where TObserver : ITurnObserver
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        // The handler's admission logs the refusal; the observer stays quiet.
        if (TenantScope.Normalize(turn.Activity.GetTenantId()) is not { } tenant)
        {
            return;
        }
        using (TenantScope.Enter(tenant))
        {
            await inner.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }
}
