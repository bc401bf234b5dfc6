using PerfTests.Analysis;
using PerfTests.Analysis.Endurance;

namespace Harness.Tests.Analysis;

public class LeakAnalyzerTests
{
    private const double Mb = 1024 * 1024;

    /// <summary>Samples every 5 s: a base with a GC sawtooth (0..20 MB over 60 s) plus noise and a linear growth.</summary>
    private static List<ResourceSample> Memory(int seed, TimeSpan duration, double growthMbPerHour)
    {
        var random = new Random(seed);
        var samples = new List<ResourceSample>();
        for (var t = 0.0; t < duration.TotalSeconds; t += 5)
        {
            var sawtoothMb = (t % 60) / 60 * 20;
            var mb = 300 + sawtoothMb + (growthMbPerHour * t / 3600) + (2 * Synthetic.Gaussian(random));
            samples.Add(new ResourceSample(TimeSpan.FromSeconds(t), mb * Mb));
        }

        return samples;
    }

    [Test]
    public void Analyze_FlatMemoryWithGcSawtooth_IsNoLeakWithHighConfidence()
    {
        var report = LeakAnalyzer.Analyze(Memory(21, TimeSpan.FromMinutes(30), 0));

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(LeakVerdict.NoLeak), report.ToString());
            Assert.That(report.Confidence, Is.GreaterThan(0.99), report.ToString());
            Assert.That(Math.Abs(report.GrowthMbPerHour!.Value), Is.LessThan(10), report.ToString());
        });
    }

    [Test]
    public void Analyze_Growing200MbPerHour_IsLeakProjectedOverTheLimit()
    {
        var report = LeakAnalyzer.Analyze(Memory(22, TimeSpan.FromMinutes(30), 200));

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(LeakVerdict.Leak), report.ToString());
            Assert.That(report.Confidence, Is.GreaterThan(0.95), report.ToString());
            Assert.That(report.GrowthMbPerHour, Is.EqualTo(200).Within(20), report.ToString());
            Assert.That(report.ProjectedGrowthMb, Is.EqualTo(400).Within(40), report.ToString());
            Assert.That(report.ToMetrics()[AnalysisMetricNames.MemoryGrowthMbPerHour], Is.EqualTo(report.GrowthMbPerHour));
            Assert.That(report.ToString(), Does.StartWith("memory +").And.EndWith("Leak (confidence >0.999)"));
        });
    }

    [Test]
    public void Analyze_SignificantButSmallGrowth_IsNoLeakBecauseItStaysUnderTheLimit()
    {
        // 20 MB/h projects to 40 MB over the nominal 2 h: a real trend, but within the 100 MB limit.
        var report = LeakAnalyzer.Analyze(Memory(23, TimeSpan.FromMinutes(60), 20));

        Assert.Multiple(() =>
        {
            Assert.That(report.TrendPValue, Is.LessThan(0.05), report.ToString());
            Assert.That(report.Verdict, Is.EqualTo(LeakVerdict.NoLeak), report.ToString());
        });
    }

    [Test]
    public void Analyze_GrowthNearTheLimitOnAShortRun_IsOnlySuspected()
    {
        // 55 MB/h over 10 min projects to ~110 MB vs a 100 MB limit: likely over, not certainly.
        var options = new LeakOptions { BinWidth = TimeSpan.FromSeconds(30) };
        var report = LeakAnalyzer.Analyze(Memory(24, TimeSpan.FromMinutes(10), 55), options);

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(LeakVerdict.Suspected), report.ToString());
            Assert.That(report.Confidence, Is.InRange(0.5, 0.95), report.ToString());
        });
    }

    [Test]
    public void Analyze_TwoMinutesOfSamples_IsNotEnoughDataEvenWhenSteep()
    {
        var report = LeakAnalyzer.Analyze(Memory(25, TimeSpan.FromMinutes(2), 5000));

        Assert.Multiple(() =>
        {
            Assert.That(report.Verdict, Is.EqualTo(LeakVerdict.NotEnoughData));
            Assert.That(report.Confidence, Is.Null);
            Assert.That(report.ToMetrics(), Is.Empty);
        });
    }

    [Test]
    public void Analyze_SkipInitial_IgnoresStartUpAllocation()
    {
        // A 150 MB jump in the first minute (JIT, caches), flat afterwards.
        var samples = Memory(26, TimeSpan.FromMinutes(30), 0)
            .Select(s => s.At < TimeSpan.FromMinutes(1) ? s with { Value = s.Value - (150 * Mb) } : s).ToList();

        var naive = LeakAnalyzer.Analyze(samples, new LeakOptions { MaxProjectedGrowthMb = 50 });
        var skipped = LeakAnalyzer.Analyze(samples, new LeakOptions { MaxProjectedGrowthMb = 50, SkipInitial = TimeSpan.FromMinutes(1) });

        Assert.Multiple(() =>
        {
            Assert.That(naive.GrowthMbPerHour, Is.GreaterThan(skipped.GrowthMbPerHour!.Value), naive.ToString());
            Assert.That(skipped.Verdict, Is.EqualTo(LeakVerdict.NoLeak), skipped.ToString());
        });
    }
}
