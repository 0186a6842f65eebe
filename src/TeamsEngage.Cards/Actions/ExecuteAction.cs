namespace TeamsEngage.Cards;

/// <summary>
/// Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke carrying <see cref="Verb"/> and
/// <see cref="Data"/> merged with the input values, and shows the card the bot answers with.
/// </summary>
public sealed record ExecuteAction(string Title, string Verb) : CardAction
{
    /// <summary>Serialized with its runtime type: pass a record and its JSON shape is what the bot gets back.</summary>
    public object? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
