using System.Text.Json;
using PerfTests.Browser;

namespace Integration.Tests.Browser;

/// <summary>What a Lighthouse user expects next to the vitals, measured in real Chromium: TTI, long tasks named by script, score, Speed Index, the trace, the phone.</summary>
[TestFixture]
[Category("Integration")]
public sealed class LabDiagnosticsTests
{
    // What DevTools' Performance panel needs to draw the main thread, paints and the filmstrip.
    private static readonly string[] TraceEventsDevToolsNeeds = ["RunTask", "firstContentfulPaint", "Screenshot"];

    private static WebVitalsRunner Runner(bool capture = false) => new(BrowserSetUp.Session, BrowserSetUp.Server.BaseAddress, new WebVitalsOptions
    {
        Runs = 1,
        WarmUpRuns = 0,
        SettleTime = TimeSpan.FromMilliseconds(200),
        CaptureArtifacts = capture,
    });

    [Test]
    public async Task MeasureAsync_250MsTaskAfterFirstPaint_TtiIsItsEndAndTheTaskNamesItsScript()
    {
        var vitals = await Runner().MeasureAsync(new PageSpec("busy", "/busy", "h1", []));

        var sample = vitals.Samples[0];
        var task = sample.LongTasks.Single(t => t.DurationMs >= 250);
        Assert.Multiple(() =>
        {
            Assert.That(sample.Values[VitalMetrics.Tti], Is.EqualTo(task.StartMs + task.DurationMs).Within(1), "TTI is the end of the last long task before 5 quiet seconds");
            Assert.That(task.Attribution, Does.Contain("setTimeout"), "the long animation frame names the timer that ran");
            Assert.That(sample.Values[VitalMetrics.Score], Is.InRange(1, 100));
            Assert.That(sample.Values[VitalMetrics.SpeedIndex], Is.GreaterThan(0));
            Assert.That(sample.Values[VitalMetrics.RenderBlockingCount], Is.Zero, "the lab page has no stylesheet or head script");
            Assert.That(vitals.CpuBenchmarkIndex, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task MeasureAsync_FirstIntlCallAfterLoadAt4xCpu_IsNoLongTask()
    {
        // Without the runner's Intl warm-up the cold renderer loads ICU's data inside this task: about 56 ms at 4x here.
        var vitals = await Runner().MeasureAsync(new PageSpec("intl", "/intl", "h1", []), LabConditions.Slow4G);

        var sample = vitals.Samples[0];
        Assert.That(sample.LongTasks.Select(t => $"{t.DurationMs:0} ms {t.Attribution}"), Is.Empty, "the first Intl call of a page is not a long task, as in Lighthouse");
        Assert.That(sample.Values[VitalMetrics.Tbt], Is.Zero);
    }

    [Test]
    public async Task MeasureAsync_CaptureRun_KeepsADevToolsTrace()
    {
        var vitals = await Runner(capture: true).MeasureAsync(new PageSpec("static", "/static", "#big", []));

        Assert.That(vitals.Trace, Is.Not.Null);
        using var trace = JsonDocument.Parse(vitals.Trace!);
        var names = trace.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Select(e => e.TryGetProperty("name", out var n) ? n.GetString() : null).ToHashSet();
        Assert.That(names, Is.SupersetOf(TraceEventsDevToolsNeeds));
    }

    [Test]
    public async Task MobileFormFactor_PageSeesAPhone()
    {
        // screen.width: the lab page has no meta viewport, so a phone lays it out 980 px wide, as phones do.
        var seen = await BrowserSetUp.EvaluateOnLabPageAsync<string>(
            FormFactor.Mobile, "/static", "() => [screen.width, devicePixelRatio, navigator.maxTouchPoints > 0, /Mobile/.test(navigator.userAgent)].join(' ')");
        Assert.That(seen, Is.EqualTo("412 1.75 true true"));
    }

    [Test]
    public async Task MeasureAsync_MobileConditions_ScoresWithMobileCurves()
    {
        var vitals = await Runner().MeasureAsync(new PageSpec("static", "/static", "#big", []), LabConditions.Mobile);

        var values = vitals.Samples[0].Values;
        Assert.That(values[VitalMetrics.Score], Is.EqualTo(PerformanceScore.Category(values, FormFactor.Mobile)!.Value * 100).Within(1e-9));
        Assert.That(vitals.Scope, Is.EqualTo("static@mobile"));
    }
}
