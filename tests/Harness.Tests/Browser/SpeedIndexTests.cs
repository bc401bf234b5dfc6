using System.Diagnostics;
using PerfTests.Browser;
using SkiaSharp;

namespace Harness.Tests.Browser;

/// <summary>speedline's Speed Index on synthetic screencast frames: white pages painted band by band.</summary>
[TestFixture]
public sealed class SpeedIndexTests
{
    // Four equal horizontal bands; a frame paints the first N of them on white.
    private static readonly SKColor[] Bands = [new(30, 60, 160), new(200, 40, 40), new(20, 140, 60), new(90, 90, 90)];

    private static readonly double[] BlankThenComplete = [0, 1];
    private static readonly double[] ZeroHalfOneSecond = [0, 500, 1000];

    // JPEG noise shifts colours between frames and progress is floored to whole percents, so a part-painted
    // frame reads up to ~3 points low (0.48 for half): allow that share of the time spent part-painted.
    private const double ProgressNoise = 0.03;

    [Test]
    public void Compute_WhiteHalfFull_IsAreaAboveProgressCurve()
    {
        // 500 ms at 0 % plus 500 ms at 50 %.
        var frames = new[] { Frame(0, 0), Frame(500, 2), Frame(1000, 4) };

        Assert.That(SpeedIndex.Compute(frames), Is.EqualTo(750).Within(ProgressNoise * 500));
    }

    [Test]
    public void Compute_QuarterSteps_SumsEveryStep()
    {
        // 1000 x (1 + 0.75 + 0.5 + 0.25): each band takes a second.
        var frames = new[] { Frame(0, 0), Frame(1000, 1), Frame(2000, 2), Frame(3000, 3), Frame(4000, 4) };

        Assert.That(SpeedIndex.Compute(frames), Is.EqualTo(2500).Within(ProgressNoise * 3000));
    }

    [Test]
    public void Compute_CompleteFromFirstFrame_IsFirstFrameTime()
    {
        // Blank from navigation start until the first frame, complete from then on.
        var frames = new[] { Frame(300, 4), Frame(1200, 4) };

        Assert.That(SpeedIndex.Compute(frames), Is.EqualTo(300).Within(1e-9));
    }

    [Test]
    public void Compute_GarbageAndTruncatedBytes_AreSkipped()
    {
        var full = Frame(1000, 4);
        var frames = new[]
        {
            Frame(0, 0), new FilmstripFrame(200, [1, 2, 3, 4]), Frame(500, 2),
            new FilmstripFrame(700, full.Jpeg[..(full.Jpeg.Length / 2)]), new FilmstripFrame(800, []), full,
        };
        var clean = new[] { frames[0], frames[2], full };

        Assert.That(SpeedIndex.Compute(frames), Is.EqualTo(SpeedIndex.Compute(clean)));
    }

    [Test]
    public void Build_FramesAfterTheFirstInput_AreNotPartOfTheLoad()
    {
        // Loaded at 500 ms; the input at 1 s then turns the page black, which no loaded frame resembles.
        var load = new[] { Frame(0, 0), Frame(500, 4) };
        var run = new PageRunResult(new RawEntries([], [], [], [], [], []), InteractionsStartMs: 1000, JsHeapBytes: null)
        {
            Frames = [.. load, Frame(1500, 0, background: SKColors.Black)],
        };

        var sample = SampleBuilder.Build(run, interactionsDriven: true, FormFactor.Desktop);

        Assert.That(sample.Values[VitalMetrics.SpeedIndex], Is.EqualTo(SpeedIndex.Compute(load)).And.EqualTo(500).Within(1e-9));
    }

    [Test]
    public void Compute_NothingDecodes_IsNull()
    {
        Assert.That(SpeedIndex.Compute([new(0, [0xFF, 0xD8, 0xFF]), new(100, new byte[4096])]), Is.Null);
    }

    [Test]
    public void Compute_FewerThanTwoFrames_IsNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SpeedIndex.Compute([]), Is.Null);
            Assert.That(SpeedIndex.Compute([Frame(100, 4)]), Is.Null);
        });
    }

    [Test]
    public void Compute_FramesBeforeNavigationStart_AreIgnored()
    {
        // The earlier frame is the previous page: speedline only reads frames from navigation start.
        var frames = new[] { Frame(-100, 4), Frame(0, 0), Frame(1000, 4) };

        Assert.That(SpeedIndex.Compute(frames), Is.EqualTo(1000).Within(1e-9));
    }

    [Test]
    public void Progress_NearWhiteBackground_CountsAsBlank()
    {
        // speedline drops pixels with every channel at 249+, so a 250-grey page has not started painting.
        var frames = new[] { Frame(0, 0, background: new(250, 250, 250)), Frame(500, 4, background: new(250, 250, 250)) };

        var progress = SpeedIndex.Progress(frames);

        Assert.That(progress.Select(p => p.Progress), Is.EqualTo(BlankThenComplete));
    }

    [Test]
    public void Progress_UnorderedFrames_ComeInTimeOrder()
    {
        var progress = SpeedIndex.Progress([Frame(1000, 4), Frame(0, 0), Frame(500, 2)]);

        Assert.That(progress.Select(p => p.TimeMs), Is.EqualTo(ZeroHalfOneSecond));
    }

    [Test]
    public void Compute_LargeFrames_AreDecodedScaledWithTheSameResult()
    {
        var frames = new[] { Frame(0, 0, 1920, 1440), Frame(500, 2, 1920, 1440), Frame(1000, 4, 1920, 1440) };

        Assert.That(SpeedIndex.Compute(frames), Is.EqualTo(750).Within(ProgressNoise * 500));
    }

    [Test]
    public void Compute_HundredScreencastFrames_TakesWellUnderASecond()
    {
        var frames = Enumerable.Range(0, 100).Select(i => Frame(i * 50, i * 4 / 99)).ToList();
        SpeedIndex.Compute(frames.Take(2).ToList());

        var watch = Stopwatch.StartNew();
        var speedIndex = SpeedIndex.Compute(frames);
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(speedIndex, Is.Not.Null);
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        });
    }

    private static FilmstripFrame Frame(double timeMs, int paintedBands, int width = 480, int height = 360, SKColor? background = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background ?? SKColors.White);
            var bandHeight = height / Bands.Length;
            for (var i = 0; i < paintedBands; i++)
            {
                using var paint = new SKPaint { Color = Bands[i] };
                canvas.DrawRect(0, i * bandHeight, width, bandHeight, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 50);
        return new FilmstripFrame(timeMs, jpeg.ToArray());
    }
}
