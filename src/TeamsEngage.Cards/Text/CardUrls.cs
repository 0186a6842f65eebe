namespace TeamsEngage.Cards;

/// <summary>Only schemes a card may link to or load from; a javascript: or file: URL never reaches a card.</summary>
internal static class CardUrls
{
    private static readonly string[] LinkSchemes = [Uri.UriSchemeHttps, Uri.UriSchemeHttp, Uri.UriSchemeMailto, "tel"];
    private static readonly string[] ImageSchemes = [Uri.UriSchemeHttps, Uri.UriSchemeHttp, "data"];

    public static Uri RequireLink(Uri url) => Require(url, LinkSchemes);

    public static Uri RequireImage(Uri url) => Require(url, ImageSchemes);

    private static Uri Require(Uri url, string[] schemes)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || !schemes.Contains(url.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"A card URL must be absolute and use one of: {string.Join(", ", schemes)}.", nameof(url));
        }
        return url;
    }
}
