namespace TeamsEngage.Bot;

/// <summary>
/// Declares card actions that share one feature's refusal sentences:
/// <c>group.Map&lt;TicketActionData, Ticket, TicketDesk&gt;(TicketVerbs.Claim, Who.Staff, d =&gt; d.TicketId, (action, desk, ct) =&gt; desk.ClaimAsync(action, ct))</c>.
/// The dispatcher binds and validates the data, checks the role and, where an entity is named, finds it and checks access
/// through the feature's <see cref="IEntityAccess{TEntity}"/>; the handler runs only when all of that passed.
/// </summary>
public sealed class ActionGroup
{
    private readonly BotRoutes _routes;
    private readonly ActionReplies _replies;

    internal ActionGroup(BotRoutes routes, ActionReplies replies)
    {
        _routes = routes;
        _replies = replies;
    }

    /// <summary>An action whose data is <typeparamref name="TData"/>, carried out by <typeparamref name="TService"/>.</summary>
    public ActionGroup Map<TData, TService>(string verb, Who audience, Func<CardAction<TData>, TService, CancellationToken, Task<CardActionResult>> handler)
        where TData : class
        where TService : notnull
    {
        _routes.RequireRegistered<TService>(verb);
        _routes.Add(new ActionRoute(verb, audience, _replies, (context, ct) =>
        {
            var data = BotRoutes.BindValid<TData>(context);
            return data is null
                ? Task.FromResult(CardActionResult.NotFound)
                : handler(new CardAction<TData>(context, data), BotRoutes.Service<TService>(context.Turn.Services), ct);
        }));
        return this;
    }

    /// <summary>
    /// An action on the <typeparamref name="TEntity"/> whose id <paramref name="id"/> reads from the data; the entity is
    /// found and access checked by the registered <see cref="IEntityAccess{TEntity}"/> before the handler runs.
    /// </summary>
    public ActionGroup Map<TData, TEntity, TService>(
        string verb,
        Who audience,
        Func<TData, string?> id,
        Func<CardAction<TData, TEntity>, TService, CancellationToken, Task<CardActionResult>> handler)
        where TData : class
        where TEntity : class
        where TService : notnull
    {
        _routes.RequireRegistered<TService>(verb);
        _routes.RequireRegistered<IEntityAccess<TEntity>>(verb);
        _routes.Add(new ActionRoute(verb, audience, _replies, async (context, ct) =>
        {
            var data = BotRoutes.BindValid<TData>(context);
            if (data is null || id(data) is not { Length: > 0 } entityId)
            {
                return CardActionResult.NotFound;
            }
            var access = await BotRoutes.Service<IEntityAccess<TEntity>>(context.Turn.Services).FindAsync(entityId, context, ct).ConfigureAwait(false);
            if (access.Entity is null)
            {
                return access.NotYours ? CardActionResult.WithMessage(_replies.ForNotYours(context.Texts)) : new CardActionResult(null, null, access.Refusal ?? ActionRefusal.NotFound);
            }
            return await handler(new CardAction<TData, TEntity>(context, data, access.Entity), BotRoutes.Service<TService>(context.Turn.Services), ct).ConfigureAwait(false);
        }));
        return this;
    }
}
