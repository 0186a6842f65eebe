namespace TeamsEngage.Cards;

/// <summary>Label/value pairs. Fact values are markdown-processed like a TextBlock: escape user text.</summary>
public sealed record FactSet(params IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);
