using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Integration.Tests.Reports;

/// <summary>
/// A decoded PNG, just enough for screenshots (8-bit RGB or RGBA, not interlaced: what Chromium
/// writes), so a test can look at the pixels without an imaging package.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, int bytesPerPixel, byte[] pixels)
    {
        Width = width;
        Height = height;
        BytesPerPixel = bytesPerPixel;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>3 (RGB) or 4 (RGBA).</summary>
    public int BytesPerPixel { get; }

    /// <summary>Rows top to bottom, unfiltered, <see cref="BytesPerPixel"/> bytes per pixel.</summary>
    public byte[] Pixels { get; }

    /// <exception cref="InvalidDataException">Not a PNG, or a kind of PNG this reader does not handle.</exception>
    public static PngImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"Not a PNG ({png.Length} bytes, no PNG signature).");
        }

        int width = 0, height = 0, bytesPerPixel = 0;
        using var compressed = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bytesPerPixel = (data[8], data[9], data[12]) switch
                {
                    (8, 2, 0) => 3,
                    (8, 6, 0) => 4,
                    var other => throw new InvalidDataException($"Unsupported PNG: bit depth {other.Item1}, colour type {other.Item2}, interlace {other.Item3}."),
                };
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            offset += 12 + length; // length, type, data, CRC
        }

        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException("PNG without a valid IHDR chunk.");
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var stride = width * bytesPerPixel;
        var raw = new byte[height * (stride + 1)];
        inflater.ReadExactly(raw);
        return new PngImage(width, height, bytesPerPixel, Unfilter(raw, width, height, bytesPerPixel));
    }

    /// <summary>Reverses the per-row filters (PNG specification, section 9).</summary>
    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y == 0 ? Span<byte>.Empty : pixels.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? row[x - bpp] : 0;
                int b = above.IsEmpty ? 0 : above[x];
                int c = x >= bpp && !above.IsEmpty ? above[x - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG row {y} has unknown filter type {filter}."),
                };
                row[x] = (byte)(source[x] + predictor);
            }
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
