using System.Text.Json;
using TeamsEngage.Cards;
using TeamsEngage.Connector.Routing;
using TeamsEngage.Localization;

namespace TeamsEngage.Bot;

/// <summary>An action being carried out: the turn, the caller, the verb, the card's raw data and the id of the card's message.</summary>
public record CardActionContext(TurnContext Turn, Caller Caller, string Verb, JsonElement RawData, string? CardActivityId)
{
    /// <summary>The caller's language.</summary>
    public Texts Texts => Caller.Texts;
}

/// <summary>An action whose data was bound to <typeparamref name="TData"/> and whose caller passed the role check.</summary>
public record CardAction<TData> : CardActionContext
    where TData : class
{
    public CardAction(CardActionContext context, TData data)
        : base(context)
    {
        Data = data;
    }

    /// <summary>The card's data, bound and validated.</summary>
    public TData Data { get; }
}

/// <summary>An action on an entity the data names, found and checked by the feature's <see cref="IEntityAccess{TEntity}"/>.</summary>
public sealed record CardAction<TData, TEntity> : CardAction<TData>
    where TData : class
    where TEntity : class
{
    public CardAction(CardActionContext context, TData data, TEntity entity)
        : base(context, data)
    {
        Entity = entity;
    }

    /// <summary>The entity the data names, which the caller may act on.</summary>
    public TEntity Entity { get; }
}

/// <summary>Why an action was not carried out; the dispatcher turns it into the feature's sentence.</summary>
public enum ActionRefusal
{
    /// <summary>The data names nothing that exists (or is malformed).</summary>
    NotFound,
    /// <summary>The caller may not do this.</summary>
    Refused,
    /// <summary>Someone changed the thing between the caller's look and their press.</summary>
    ChangedMeanwhile,
}

/// <summary>The outcome of a card action: a card that replaces the acted-on card for this person, a message, or a refusal.</summary>
public sealed record CardActionResult(AdaptiveCard? Card, string? Message, ActionRefusal? Refusal = null)
{
    /// <summary>Replace the card for this person.</summary>
    public static CardActionResult WithCard(AdaptiveCard card) => new(card, null);

    /// <summary>Tell the person something (a confirmation or a specific refusal).</summary>
    public static CardActionResult WithMessage(string message) => new(null, message);

    /// <summary>The data names nothing that exists.</summary>
    public static CardActionResult NotFound { get; } = new(null, null, ActionRefusal.NotFound);

    /// <summary>The caller may not act on it.</summary>
    public static CardActionResult Refused { get; } = new(null, null, ActionRefusal.Refused);

    /// <summary>It changed meanwhile; the person should look again.</summary>
    public static CardActionResult ChangedMeanwhile { get; } = new(null, null, ActionRefusal.ChangedMeanwhile);
}

/// <summary>The resource keys a feature answers refusals with, declared once per group of actions.</summary>
/// <param name="NotFound">The data names nothing that exists.</param>
/// <param name="Refused">The caller's role does not admit the action, or the entity is not theirs.</param>
/// <param name="ChangedMeanwhile">An optimistic write lost to another one.</param>
/// <param name="NotYours">The entity exists but belongs to someone else (defaults to <paramref name="Refused"/>).</param>
public sealed record ActionReplies(string NotFound, string Refused, string ChangedMeanwhile, string? NotYours = null)
{
    /// <summary>The sentence for a refusal, in the caller's language.</summary>
    public string For(ActionRefusal refusal, Texts texts) => texts[refusal switch
    {
        ActionRefusal.NotFound => NotFound,
        ActionRefusal.ChangedMeanwhile => ChangedMeanwhile,
        _ => Refused,
    }];

    /// <summary>The sentence for an entity that exists but is not the caller's.</summary>
    public string ForNotYours(Texts texts) => texts[NotYours ?? Refused];
}

/// <summary>What an entity lookup found: the entity, or why the caller may not have it.</summary>
public readonly record struct EntityAccess<TEntity>(TEntity? Entity, ActionRefusal? Refusal, bool NotYours = false)
    where TEntity : class;

/// <summary>The three answers an <see cref="IEntityAccess{TEntity}"/> gives.</summary>
public static class EntityAccess
{
    /// <summary>The caller may act on <paramref name="entity"/>.</summary>
    public static EntityAccess<TEntity> Granted<TEntity>(TEntity entity) where TEntity : class => new(entity, null);

    /// <summary>Nothing has that id.</summary>
    public static EntityAccess<TEntity> Missing<TEntity>() where TEntity : class => new(null, ActionRefusal.NotFound);

    /// <summary>The entity exists and is someone else's.</summary>
    public static EntityAccess<TEntity> NotYours<TEntity>() where TEntity : class => new(null, ActionRefusal.Refused, NotYours: true);

    /// <summary>The caller may not act on it, or the verb does not apply to it now.</summary>
    public static EntityAccess<TEntity> Refused<TEntity>() where TEntity : class => new(null, ActionRefusal.Refused);
}

/// <summary>
/// How a feature finds the entity a card names and decides whether the caller may act on it. Registered by the
/// feature; the dispatcher calls it before the handler, so no handler repeats the check.
/// </summary>
public interface IEntityAccess<TEntity> where TEntity : class
{
    /// <summary>The entity with <paramref name="id"/> if the caller may use <paramref name="context"/>'s verb on it.</summary>
    Task<EntityAccess<TEntity>> FindAsync(string id, CardActionContext context, CancellationToken cancellationToken);
}

/// <summary>How card action data is read and written.</summary>
public static class CardData
{
    /// <summary>camelCase, case-insensitive reading.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Reads <paramref name="data"/> as <typeparamref name="T"/>, or null when it does not have that shape.</summary>
    public static T? Bind<T>(JsonElement data) where T : class
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        try
        {
            return data.Deserialize<T>(Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Card data that names nothing in particular (the help button, a form's first open).</summary>
public sealed record NoData;
