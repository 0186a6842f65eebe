namespace TeamsEngage.Cards;

/// <summary>
/// An input. Its value reaches the bot keyed by <see cref="CardElement.Id"/> (merged into Action.Submit data,
/// or into Action.Execute's action.data). A required input needs a label and an error message for accessibility.
/// </summary>
public abstract record CardInput : CardElement
{
    protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
