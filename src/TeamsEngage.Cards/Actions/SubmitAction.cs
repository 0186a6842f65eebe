namespace TeamsEngage.Cards;

/// <summary>Sends a <c>message</c> activity whose <c>value</c> is <see cref="Data"/> merged with the input values.</summary>
public sealed record SubmitAction(string Title) : CardAction
{
    /// <summary>Serialized with its runtime type; a string here would arrive as message text instead.</summary>
    public object? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
