namespace TeamsEngage.Cards;

public sealed record NumberInput : CardInput
{
    public NumberInput(string id) : base(id)
    {
    }

    public double? Value { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public string? Placeholder { get; init; }
}
