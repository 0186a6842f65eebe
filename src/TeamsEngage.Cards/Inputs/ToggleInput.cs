namespace TeamsEngage.Cards;

public sealed record ToggleInput : CardInput
{
    public ToggleInput(string id, string title) : base(id) => Title = title;

    public string Title { get; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}
