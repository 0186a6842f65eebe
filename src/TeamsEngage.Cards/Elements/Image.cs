namespace TeamsEngage.Cards;

/// <summary>An image; Teams accepts PNG, JPEG or non-animated GIF up to 1024×1024 and 1 MB.</summary>
public sealed record Image(Uri Url) : CardElement
{
    public Uri Url { get; } = CardUrls.RequireImage(Url);

    public string? AltText { get; init; }

    public ImageSize? Size { get; init; }

    public ImageStyle? Style { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
