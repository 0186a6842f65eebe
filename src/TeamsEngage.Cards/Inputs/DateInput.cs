namespace TeamsEngage.Cards;

/// <summary>A date picker; dates are written as yyyy-MM-dd.</summary>
public sealed record DateInput : CardInput
{
    public DateInput(string id) : base(id)
    {
    }

    public DateOnly? Value { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    public string? Placeholder { get; init; }
}
