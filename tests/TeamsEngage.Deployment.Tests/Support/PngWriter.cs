using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TeamsEngage.Deployment.Tests.Support;

/// <summary>Writes small PNGs for the tests that need a wrong icon.</summary>
public static class PngWriter
{
    public static byte[] Rgba(int width, int height, Func<int, int, Rgba> pixel) =>
        Write(width, height, PngColorType.Rgba, (x, y) =>
        {
            var p = pixel(x, y);
            return [p.R, p.G, p.B, p.A];
        });

    public static byte[] Rgb(int width, int height, Func<int, int, Rgba> pixel) =>
        Write(width, height, PngColorType.Rgb, (x, y) =>
        {
            var p = pixel(x, y);
            return [p.R, p.G, p.B];
        });

    private static byte[] Write(int width, int height, PngColorType colorType, Func<int, int, byte[]> pixel)
    {
        using var raw = new MemoryStream();
        using (var deflater = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                deflater.WriteByte(0);
                for (var x = 0; x < width; x++)
                {
                    deflater.Write(pixel(x, y));
                }
            }
        }
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = (byte)colorType;

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, PngCrc.Compute(typeAndData));
        png.Write(length);
        png.Write(typeAndData);
        png.Write(crc);
    }
}
