namespace TeamsEngage.Deployment.Tests.Support;

/// <summary>The Teams icon rules that the manifest schema cannot check: sizes, alpha, and the outline's single colour.</summary>
public static class IconRules
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>The colour icon: a 192x192 full-colour PNG.</summary>
    public static IReadOnlyList<string> CheckColor(byte[] png)
    {
        if (!TryDecode(png, out var image, out var problems))
        {
            return problems;
        }
        CheckSize(image, ColorSize, problems);
        if (image.ColorType is not (PngColorType.Rgb or PngColorType.Rgba))
        {
            problems.Add($"colour icon must be a full-colour PNG, not {image.ColorType}");
        }
        if (image.Pixels.All(p => p.A == 0 || (p.R == p.G && p.G == p.B)))
        {
            problems.Add("colour icon has no coloured pixel");
        }
        return problems;
    }

    /// <summary>The outline icon: a 32x32 PNG with an alpha channel, white where it is not transparent.</summary>
    public static IReadOnlyList<string> CheckOutline(byte[] png)
    {
        if (!TryDecode(png, out var image, out var problems))
        {
            return problems;
        }
        CheckSize(image, OutlineSize, problems);
        if (!image.HasAlphaChannel)
        {
            problems.Add($"outline icon must have an alpha channel, but it is {image.ColorType}");
            return problems;
        }
        var coloured = image.Pixels.Count(p => p.A > 0 && (p.R, p.G, p.B) != (255, 255, 255));
        if (coloured > 0)
        {
            problems.Add($"outline icon must be white on transparent, but {coloured} visible pixels are not white");
        }
        if (!image.Pixels.Any(p => p.A == 0))
        {
            problems.Add("outline icon has no transparent pixel");
        }
        if (!image.Pixels.Any(p => p.A > 0))
        {
            problems.Add("outline icon is fully transparent");
        }
        return problems;
    }

    private static bool TryDecode(byte[] png, out PngImage image, out List<string> problems)
    {
        problems = [];
        try
        {
            image = PngImage.Decode(png);
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or EndOfStreamException or OverflowException)
        {
            problems.Add("not a readable PNG: " + e.Message);
            image = null!;
            return false;
        }
    }

    private static void CheckSize(PngImage image, int size, List<string> problems)
    {
        if (image.Width != size || image.Height != size)
        {
            problems.Add($"icon must be {size}x{size}, but it is {image.Width}x{image.Height}");
        }
    }
}
