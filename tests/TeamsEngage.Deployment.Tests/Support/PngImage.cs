using System.Buffers.Binary;
using System.IO.Compression;

namespace TeamsEngage.Deployment.Tests.Support;

/// <summary>PNG colour types this reader understands (8 bits per channel, not interlaced).</summary>
public enum PngColorType
{
    Grayscale = 0,
    Rgb = 2,
    GrayscaleAlpha = 4,
    Rgba = 6,
}

public readonly record struct Rgba(byte R, byte G, byte B, byte A);

/// <summary>A decoded PNG: its header and its pixels as RGBA.</summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly Rgba[] _pixels;

    private PngImage(int width, int height, PngColorType colorType, Rgba[] pixels)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public PngColorType ColorType { get; }

    public bool HasAlphaChannel => ColorType is PngColorType.Rgba or PngColorType.GrayscaleAlpha;

    public IEnumerable<Rgba> Pixels => _pixels;

    public Rgba this[int x, int y] => _pixels[(y * Width) + x];

    /// <summary>Decodes a PNG; throws <see cref="InvalidDataException"/> for anything it cannot read.</summary>
    public static PngImage Decode(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file (bad signature)");
        }
        var (width, height, colorType) = (0, 0, (PngColorType)(-1));
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset < png.Length;)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png[offset..]));
            var typeAndData = png.Slice(offset + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + length)..]);
            if (PngCrc.Compute(typeAndData) != crc)
            {
                throw new InvalidDataException("corrupt chunk (CRC mismatch)");
            }
            var type = System.Text.Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            if (type == "IHDR")
            {
                (width, height, colorType) = ReadHeader(data);
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
            offset += 12 + length;
        }
        if (width == 0 || height == 0)
        {
            throw new InvalidDataException("missing IHDR");
        }
        compressed.Position = 0;
        return new PngImage(width, height, colorType, Unfilter(compressed, width, height, colorType));
    }

    private static (int Width, int Height, PngColorType ColorType) ReadHeader(ReadOnlySpan<byte> data)
    {
        var width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data));
        var height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
        var (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
        if (bitDepth != 8 || !Enum.IsDefined((PngColorType)colorType) || interlace != 0)
        {
            throw new InvalidDataException($"unsupported PNG format (bit depth {bitDepth}, colour type {colorType}, interlace {interlace})");
        }
        return (width, height, (PngColorType)colorType);
    }

    private static Rgba[] Unfilter(Stream compressed, int width, int height, PngColorType colorType)
    {
        var channels = colorType switch
        {
            PngColorType.Grayscale => 1,
            PngColorType.GrayscaleAlpha => 2,
            PngColorType.Rgb => 3,
            _ => 4,
        };
        var stride = width * channels;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        inflater.ReadExactly(raw);
        var previous = new byte[stride];
        var current = new byte[stride];
        var pixels = new Rgba[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown row filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var p = current.AsSpan(x * channels, channels);
                pixels[(y * width) + x] = channels switch
                {
                    1 => new Rgba(p[0], p[0], p[0], 255),
                    2 => new Rgba(p[0], p[0], p[0], p[1]),
                    3 => new Rgba(p[0], p[1], p[2], 255),
                    _ => new Rgba(p[0], p[1], p[2], p[3]),
                };
            }
            (previous, current) = (current, previous);
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
