namespace TeamsEngage.Cards;

/// <summary>A choice list; with <see cref="IsMultiSelect"/> the bot receives the chosen values comma-separated.</summary>
public sealed record ChoiceSetInput : CardInput
{
    public ChoiceSetInput(string id, params IReadOnlyList<Choice> choices) : base(id) => Choices = choices;

    public IReadOnlyList<Choice> Choices { get; }

    public ChoiceInputStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? Wrap { get; init; }
}

/// <summary>A choice's title is shown as plain text; its value is what the bot receives.</summary>
public sealed record Choice(string Title, string Value);
