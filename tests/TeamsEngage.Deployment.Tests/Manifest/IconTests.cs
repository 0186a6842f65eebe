using TeamsEngage.Deployment.Tests.Support;

namespace TeamsEngage.Deployment.Tests.Manifest;

public class IconTests
{
    private static readonly Rgba White = new(255, 255, 255, 255);
    private static readonly Rgba Clear = new(255, 255, 255, 0);
    private static readonly Rgba Teal = new(0x1F, 0x6F, 0x8B, 255);

    [Fact]
    public void CommittedColorIconIsA192PixelFullColourPng()
    {
        var problems = IconRules.CheckColor(File.ReadAllBytes(Path.Combine(DeploymentPaths.ManifestFolder, "color.png")));

        Assert.Empty(problems);
    }

    [Fact]
    public void CommittedOutlineIconIsA32PixelWhiteOnTransparentPng()
    {
        var bytes = File.ReadAllBytes(Path.Combine(DeploymentPaths.ManifestFolder, "outline.png"));

        Assert.Empty(IconRules.CheckOutline(bytes));
        Assert.True(PngImage.Decode(bytes).HasAlphaChannel);
    }

    public static TheoryData<string> WrongColorIcons => ["64x64", "grey only", "not a PNG", "truncated"];

    [Theory]
    [MemberData(nameof(WrongColorIcons))]
    public void WrongColorIconIsRejected(string kind)
    {
        var png = kind switch
        {
            "64x64" => PngWriter.Rgba(64, 64, (_, _) => Teal),
            "grey only" => PngWriter.Rgb(192, 192, (x, _) => new Rgba((byte)x, (byte)x, (byte)x, 255)),
            "not a PNG" => "GIF89a not really an image"u8.ToArray(),
            "truncated" => PngWriter.Rgba(192, 192, (_, _) => Teal)[..40],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        Assert.NotEmpty(IconRules.CheckColor(png));
    }

    public static TheoryData<string> WrongOutlineIcons =>
        ["64x64", "opaque without alpha", "opaque with alpha", "coloured pixels", "fully transparent"];

    [Theory]
    [MemberData(nameof(WrongOutlineIcons))]
    public void WrongOutlineIconIsRejected(string kind)
    {
        static Rgba Square(int x, int y) => x is > 8 and < 24 && y is > 8 and < 24 ? White : Clear;
        var png = kind switch
        {
            "64x64" => PngWriter.Rgba(64, 64, Square),
            "opaque without alpha" => PngWriter.Rgb(32, 32, (x, y) => Square(x, y).A == 0 ? new Rgba(0, 0, 0, 255) : White),
            "opaque with alpha" => PngWriter.Rgba(32, 32, (x, y) => Square(x, y).A == 0 ? new Rgba(0, 0, 0, 255) : White),
            "coloured pixels" => PngWriter.Rgba(32, 32, (x, y) => Square(x, y).A == 0 ? Clear : Teal),
            "fully transparent" => PngWriter.Rgba(32, 32, (_, _) => Clear),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        Assert.NotEmpty(IconRules.CheckOutline(png));
    }

    [Fact]
    public void WellFormedGeneratedOutlineIsAccepted()
    {
        // The checker is not simply rejecting everything it did not see before.
        var png = PngWriter.Rgba(32, 32, (x, y) => x is > 8 and < 24 && y is > 8 and < 24 ? White : Clear);

        Assert.Empty(IconRules.CheckOutline(png));
    }
}
