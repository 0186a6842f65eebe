namespace TeamsEngage.Cards;

/// <summary>
/// Text that Teams renders as a markdown subset. Never put user-typed text here unescaped: use
/// <see cref="CardText.Escape"/> or, better, <see cref="CardText.UserText"/>.
/// </summary>
public sealed record TextBlock(string Text) : CardElement
{
    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Wrap { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }

    public int? MaxLines { get; init; }

    public TextBlockStyle? Style { get; init; }
}
