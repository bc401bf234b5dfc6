using SkiaSharp;

namespace PerfTests.Browser;

/// <summary>
/// Speed Index from screencast frames as speedline (github.com/paulirish/speedline, Lighthouse's) computes it:
/// a frame's visual progress compares per-channel colour histograms with the last frame's, both taken relative
/// to a blank white page at navigation start; Speed Index is the area above that progress curve, in ms.
/// </summary>
internal static class SpeedIndex
{
    // speedline drops pixels with every channel at 249 or more: white background plus JPEG noise on it.
    private const byte NearWhite = 249;

    // Frames are untrusted: larger ones are decoded scaled down (JPEG's cheap 1/2, 1/4, 1/8 decoding),
    // absurd headers are skipped, so a frame costs about as much as the screencast's own 480x360.
    private const int MaxDecodedPixels = 640 * 480;
    private const int MaxSidePixels = 4096;

    private const int Channels = 3;

    /// <summary>
    /// Speed Index, ms: the sum over frames of (1 - progress) times the time to the next frame, starting from a
    /// blank white frame at navigation start. Null with fewer than 2 frames or when no frame decodes.
    /// </summary>
    public static double? Compute(IReadOnlyList<FilmstripFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count < 2)
        {
            return null;
        }

        var progress = Progress(frames);
        if (progress.Count == 0)
        {
            return null;
        }

        // The white frame speedline puts at navigation start has progress 0.
        double speedIndex = 0, previousTimeMs = 0, previousProgress = 0;
        foreach (var (timeMs, frameProgress) in progress)
        {
            speedIndex += (timeMs - previousTimeMs) * (1 - previousProgress);
            previousTimeMs = timeMs;
            previousProgress = frameProgress;
        }

        return speedIndex;
    }

    /// <summary>
    /// Visual progress of each decodable frame from navigation start on, in time order: 0..1, floored to whole
    /// percents as speedline does; the last frame is 1. Frames before navigation start, with a non-finite time,
    /// or whose bytes are not a decodable JPEG are skipped.
    /// </summary>
    public static IReadOnlyList<(double TimeMs, double Progress)> Progress(IReadOnlyList<FilmstripFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var histograms = frames
            .Where(f => f is not null && double.IsFinite(f.TimeMs) && f.TimeMs >= 0)
            .OrderBy(f => f.TimeMs)
            .Select(f => (f.TimeMs, Histogram: Histogram(f.Jpeg)))
            .Where(f => f.Histogram is not null)
            .ToList();
        if (histograms.Count == 0)
        {
            return [];
        }

        var target = histograms[^1].Histogram!;
        return [.. histograms.Select(f => (f.TimeMs, Progress(f.Histogram!, target)))];
    }

    /// <summary>
    /// speedline's calculateFrameProgress with a white initial frame, whose histogram is empty once near-white
    /// pixels are dropped: the share of the target's colour counts the frame already has.
    /// </summary>
    private static double Progress(long[] current, long[] target)
    {
        long match = 0, total = 0;
        for (var i = 0; i < target.Length; i++)
        {
            match += Math.Min(current[i], target[i]);
            total += target[i];
        }

        // An all-white target: every frame already looks like it (speedline's "all images are the same").
        // match / total * 100 in speedline's order, so the floor agrees (0.29 * 100 is 28.999...).
        return total == 0 ? 1 : Math.Floor((double)match / total * 100) / 100;
    }

    /// <summary>Per-channel (R, G, B) counts of the frame's pixels that are not near-white; null when it does not decode.</summary>
    private static long[]? Histogram(byte[]? jpeg)
    {
        if (jpeg is not { Length: > 0 })
        {
            return null;
        }

        using var data = SKData.CreateCopy(jpeg);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Jpeg
            || codec.Info.Width is <= 0 or > MaxSidePixels || codec.Info.Height is <= 0 or > MaxSidePixels)
        {
            return null;
        }

        var scale = Math.Min(1, Math.Sqrt((double)MaxDecodedPixels / ((long)codec.Info.Width * codec.Info.Height)));
        var size = scale < 1 ? codec.GetScaledDimensions((float)scale) : codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            return null;
        }

        var histogram = new long[Channels * 256];
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i + 3 < pixels.Length; i += 4)
        {
            byte r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
            if (r >= NearWhite && g >= NearWhite && b >= NearWhite)
            {
                continue;
            }

            histogram[r]++;
            histogram[256 + g]++;
            histogram[512 + b]++;
        }

        return histogram;
    }
}
