namespace TeamsEngage.Cards;

public sealed record TextInput : CardInput
{
    public TextInput(string id) : base(id)
    {
    }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }

    public string? Regex { get; init; }
}
