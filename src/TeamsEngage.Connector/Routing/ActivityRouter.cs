using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Connector.Schema;

namespace TeamsEngage.Connector.Routing;

/// <summary>
/// The routing table: activity types and invoke names to exactly one handler each. Built once at start-up;
/// registering the same type or name twice throws, an unknown type is ignored, an unknown invoke answers 501.
/// </summary>
public sealed class ActivityRouter
{
    private readonly Dictionary<string, Type> _activityHandlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _invokeHandlers = new(StringComparer.Ordinal);

    /// <summary>Routes activities of <paramref name="activityType"/> to <typeparamref name="THandler"/>.</summary>
    public ActivityRouter OnActivity<THandler>(string activityType) where THandler : IActivityHandler
    {
        if (string.Equals(activityType, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Invokes are routed by name with OnInvoke.", nameof(activityType));
        }
        if (!_activityHandlers.TryAdd(activityType, typeof(THandler)))
        {
            throw new InvalidOperationException($"A handler for activity type '{activityType}' is already registered.");
        }
        return this;
    }

    /// <summary>Routes invokes named <paramref name="invokeName"/> to <typeparamref name="THandler"/>.</summary>
    public ActivityRouter OnInvoke<THandler>(string invokeName) where THandler : IInvokeHandler
    {
        if (!_invokeHandlers.TryAdd(invokeName, typeof(THandler)))
        {
            throw new InvalidOperationException($"A handler for invoke '{invokeName}' is already registered.");
        }
        return this;
    }

    /// <summary>The handler types, for registration in the service collection.</summary>
    internal IEnumerable<Type> HandlerTypes => _activityHandlers.Values.Concat(_invokeHandlers.Values).Distinct();

    /// <summary>Finds the handler for a non-invoke activity, or null when the type is not handled.</summary>
    public IActivityHandler? FindActivityHandler(string activityType, IServiceProvider services) =>
        _activityHandlers.TryGetValue(activityType, out var type) ? (IActivityHandler)services.GetRequiredService(type) : null;

    /// <summary>Finds the handler for an invoke, or null when the name is not handled.</summary>
    public IInvokeHandler? FindInvokeHandler(string? invokeName, IServiceProvider services) =>
        invokeName is not null && _invokeHandlers.TryGetValue(invokeName, out var type) ? (IInvokeHandler)services.GetRequiredService(type) : null;
}
