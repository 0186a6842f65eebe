namespace TeamsEngage.Cards;

public sealed record Container(params IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }
}
