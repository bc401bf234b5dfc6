namespace Integration.Tests.Reports;

/// <summary>
/// Tells a screenshot that shows a rendered page from a blank or nearly blank one (about:blank, a
/// white page with a spinner, a crashed renderer): a real report view has many colours and a fair
/// share of pixels that are not its background colour.
/// </summary>
internal static class ScreenshotCheck
{
    /// <summary>Below this share of non-background pixels a page counts as blank (a spinner is about 0.1%).</summary>
    public const double MinContentShare = 0.01;

    /// <summary>Fewer distinct colours (4 bits per channel) than this counts as blank.</summary>
    public const int MinColours = 16;

    /// <summary>Measures a PNG: size, share of pixels not in the most common colour, distinct colours.</summary>
    public static ScreenshotStats Measure(byte[] png)
    {
        var image = PngImage.Decode(png);
        var counts = new Dictionary<int, int>();
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += image.BytesPerPixel)
        {
            // 4 bits per channel: anti-aliasing noise does not count as content.
            var colour = ((pixels[i] >> 4) << 8) | ((pixels[i + 1] >> 4) << 4) | (pixels[i + 2] >> 4);
            counts[colour] = counts.GetValueOrDefault(colour) + 1;
        }

        var total = image.Width * image.Height;
        var background = counts.Values.Max();
        return new ScreenshotStats(image.Width, image.Height, 1.0 - ((double)background / total), counts.Count);
    }
}
