using PerfTests.Browser;

namespace Integration.Tests.Browser;

/// <summary>Real Chromium on pages with one known behaviour each: the collector and calculator must see exactly that.</summary>
[TestFixture]
[Category("Integration")]
public sealed class WebVitalsCollectionTests
{
    private static WebVitalsRunner Runner(bool capture = false) => new(BrowserSetUp.Session, BrowserSetUp.Server.BaseAddress, new WebVitalsOptions
    {
        Runs = 3,
        WarmUpRuns = 0,
        SettleTime = TimeSpan.FromMilliseconds(500),
        CaptureArtifacts = capture,
    });

    private static PageSpec Page(string path, string ready, params PageInteraction[] interactions) =>
        new(path.Trim('/'), path, ready, interactions);

    [Test]
    public async Task MeasureAsync_StaticPage_ReportsPaintsBytesAndLcpElement()
    {
        var vitals = await Runner().MeasureAsync(Page("/static", "#big"));

        Assert.That(vitals.Samples, Has.Count.EqualTo(3));
        Assert.That(vitals.Metrics[VitalMetrics.Fcp].Median, Is.GreaterThan(0));
        Assert.That(vitals.Metrics[VitalMetrics.Lcp].Median, Is.GreaterThanOrEqualTo(vitals.Metrics[VitalMetrics.Fcp].Median));
        Assert.That(vitals.Metrics[VitalMetrics.Cls].Median, Is.Zero);
        Assert.That(vitals.Metrics.ContainsKey(VitalMetrics.Inp), Is.False, "no interaction was driven");
        Assert.That(vitals.Metrics["js_bytes"].Median, Is.GreaterThan(LabPages.PaddingScript.Length));
        Assert.That(vitals.Metrics["document_bytes"].Median, Is.GreaterThan(LabPages.Static.Length));
        Assert.That(vitals.Metrics[VitalMetrics.ResourceCount].Median, Is.EqualTo(2));
        Assert.That(vitals.Metrics[VitalMetrics.JsHeapBytes].Median, Is.GreaterThan(0));
        Assert.That(vitals.Samples[^1].LcpElement, Is.EqualTo("h1#big"));
    }

    [Test]
    public async Task MeasureAsync_BannerInsertedAboveContent_ClsCountsTheShift()
    {
        var vitals = await Runner().MeasureAsync(Page("/shift", "#content"));

        // 600 px of content moving 300 px down in a 1350 x 940 viewport: impact fraction (600 + 300) / 940
        // times distance fraction 300 / 1350 (the larger viewport side) = about 0.21.
        Assert.That(vitals.Metrics[VitalMetrics.Cls].Median, Is.InRange(0.18, 0.25));
    }

    [Test]
    public async Task MeasureAsync_CentredPageOutgrowsTheViewportAfterLoad_ClsCountsTheScrollbarShift()
    {
        var grows = await Runner().MeasureAsync(Page("/scrollbar-shift", "#centred"));
        var still = await Runner().MeasureAsync(Page("/scrollbar-still", "#centred"));

        TestContext.Out.WriteLine($"cls with the scrollbar appearing {grows.Metrics[VitalMetrics.Cls].Median:0.#####}, without {still.Metrics[VitalMetrics.Cls].Median:0.#####}");
        // 800 x 600 moving half a 15 px scrollbar left in 1350 x 940: impact (807.5 x 600) / (1350 x 940)
        // times distance 7.5 / 1350 = about 0.0021. Hidden scrollbars (Playwright's default) measure 0.
        Assert.That(grows.Metrics[VitalMetrics.Cls].Median, Is.InRange(0.0015, 0.003));
        Assert.That(still.Metrics[VitalMetrics.Cls].Median, Is.Zero, "without the growth no scrollbar appears and nothing moves");
    }

    [Test]
    public async Task Browser_PageTallerThanTheViewport_ShowsAScrollbarThatTakesWidth()
    {
        var scrollbarPx = await BrowserSetUp.EvaluateOnLabPageAsync<int>(FormFactor.Desktop, "/tall", "() => window.innerWidth - document.documentElement.clientWidth");
        Assert.That(scrollbarPx, Is.GreaterThan(0), "the lab browser must show scrollbars as users' browsers do (no --hide-scrollbars)");
    }

    [Test]
    public async Task MeasureAsync_ClickBusyFor300Ms_InpCoversTheTask()
    {
        var vitals = await Runner().MeasureAsync(Page("/slow-click", "#go", PageInteraction.Click("#go")));

        Assert.That(vitals.Metrics[VitalMetrics.Inp].Median, Is.GreaterThanOrEqualTo(300));
        Assert.That(vitals.Metrics[VitalMetrics.Tbt].Median, Is.LessThan(300), "the click happens after the load window TBT covers");
    }

    [Test]
    public async Task MeasureAsync_250MsTaskAfterFirstPaint_TbtCountsTimeBeyond50Ms()
    {
        var vitals = await Runner().MeasureAsync(Page("/busy", "h1"));

        Assert.That(vitals.Metrics[VitalMetrics.Tbt].Median, Is.InRange(190, 400));
    }

    [Test]
    public async Task MeasureAsync_Slow4G_FcpIncludesTheRequestLatency()
    {
        var vitals = await Runner().MeasureAsync(Page("/static", "#big"), LabConditions.Slow4G);

        // Chromium's emulation delays the body (responseEnd), so the latency shows in paints, not in TTFB.
        Assert.That(vitals.Scope, Is.EqualTo("static@slow-4g"));
        Assert.That(vitals.Metrics[VitalMetrics.Fcp].Median, Is.GreaterThanOrEqualTo(NetworkProfile.Slow4G.RequestLatencyMs));
    }

    [Test]
    public async Task MeasureAsync_CaptureRun_AttachesPngAndFilmstripWithFrames()
    {
        var vitals = await Runner(capture: true).MeasureAsync(Page("/shift", "#content"));

        Assert.That(vitals.Screenshot, Is.Not.Null);
        Assert.That(vitals.Screenshot![..4], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        Assert.That(vitals.Filmstrip, Does.StartWith("<svg").And.Contain("data:image/jpeg;base64,").And.Contain("layout shift"));
        Assert.That(vitals.Samples, Has.Count.EqualTo(3), "the capture run is not measured");

        // Frame labels are times since navigation start: screencast timestamps must be on the page's clock.
        var frameTimes = System.Text.RegularExpressions.Regex.Matches(vitals.Filmstrip!, @">(-?\d+) ms</text>")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(frameTimes, Is.Not.Empty.And.All.InRange(-1000, 30_000));
    }
}
