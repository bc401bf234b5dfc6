using PerfTests.Browser;

namespace Harness.Tests.Browser;

/// <summary>The web-vitals library's rules, on hand-made entries.</summary>
[TestFixture]
public sealed class WebVitalsCalculatorTests
{
    [Test]
    public void Cls_ShiftsWithinOneSecond_SumInOneWindow()
    {
        var cls = WebVitalsCalculator.Cls([new(0.1, 100, false), new(0.05, 900, false), new(0.02, 1800, false)]);

        Assert.That(cls, Is.EqualTo(0.17).Within(1e-9));
    }

    [Test]
    public void Cls_GapOverOneSecond_TakesTheLargestWindow()
    {
        var cls = WebVitalsCalculator.Cls([new(0.1, 100, false), new(0.05, 200, false), new(0.2, 1300, false)]);

        Assert.That(cls, Is.EqualTo(0.2).Within(1e-9));
    }

    [Test]
    public void Cls_WindowLongerThanFiveSeconds_StartsANewWindow()
    {
        // Shifts every 900 ms for 6.3 s: the window closes at 5 s.
        var shifts = Enumerable.Range(0, 8).Select(i => new ShiftEntry(0.01, i * 900, false)).ToList();

        Assert.That(WebVitalsCalculator.Cls(shifts), Is.EqualTo(0.06).Within(1e-9));
    }

    [Test]
    public void Cls_ShiftAfterInput_IsIgnored()
    {
        Assert.That(WebVitalsCalculator.Cls([new(0.3, 100, true)]), Is.Zero);
    }

    [Test]
    public void Inp_SeveralEventsOfOneInteraction_UsesTheLongest()
    {
        var inp = WebVitalsCalculator.Inp([new(1, "pointerdown", 10, 40), new(1, "click", 12, 120), new(2, "keydown", 500, 64)]);

        Assert.That(inp, Is.EqualTo(120));
    }

    [Test]
    public void Inp_HundredInteractions_SkipsTheTwoWorst()
    {
        // Latencies 1..100 ms: one skipped per 50 interactions gives the third worst, 98 ms.
        var events = Enumerable.Range(1, 100).Select(i => new EventEntry(i, "click", i * 10, i));

        Assert.That(WebVitalsCalculator.Inp(events), Is.EqualTo(98));
    }

    [Test]
    public void Inp_NoInteractions_IsNull()
    {
        Assert.That(WebVitalsCalculator.Inp([]), Is.Null);
    }

    [Test]
    public void Tbt_TasksAroundFcpAndEnd_CountsOnlyBlockingPartInsideTheWindow()
    {
        // FCP at 1000, window ends at 3000.
        LongTaskEntry[] tasks =
        [
            new(500, 200),   // ends before FCP: 0
            new(900, 300),   // blocking 950..1200, inside from 1000: 200
            new(1500, 80),   // 30
            new(2000, 40),   // not long: 0
            new(2900, 400),  // blocking 2950..3300, clipped at 3000: 50
        ];

        Assert.That(WebVitalsCalculator.Tbt(tasks, 1000, 3000), Is.EqualTo(280).Within(1e-9));
    }

    [Test]
    public void Tbt_NoFcp_IsNull()
    {
        Assert.That(WebVitalsCalculator.Tbt([new(100, 500)], null, 3000), Is.Null);
    }

    [Test]
    public void Lcp_SeveralCandidates_TakesTheLast()
    {
        Assert.That(WebVitalsCalculator.Lcp([new(300, 1000, "p"), new(800, 5000, "img")]), Is.EqualTo(800));
    }

    [Test]
    public void BytesByType_MixedResources_GroupsAsLighthouse()
    {
        ResourceEntry[] resources =
        [
            new("http://127.0.0.1/", "navigation", 1000),
            new("http://127.0.0.1/app/app.js", "script", 2000),
            new("http://127.0.0.1/app/app.css", "link", 300),
            new("http://127.0.0.1/api/clients?page=1", "fetch", 5000),
            new("http://127.0.0.1/logo.svg", "img", 70),
            new("http://127.0.0.1/f.woff2", "css", 9),
        ];

        var bytes = WebVitalsCalculator.BytesByType(resources);

        Assert.That(bytes[ResourceType.Document], Is.EqualTo(1000));
        Assert.That(bytes[ResourceType.Script], Is.EqualTo(2000));
        Assert.That(bytes[ResourceType.Stylesheet], Is.EqualTo(300));
        Assert.That(bytes[ResourceType.Fetch], Is.EqualTo(5000));
        Assert.That(bytes[ResourceType.Image], Is.EqualTo(70));
        Assert.That(bytes[ResourceType.Font], Is.EqualTo(9));
        Assert.That(bytes[ResourceType.Other], Is.Zero);
    }
}
