using PerfTests.Analysis.Baselines;

namespace Harness.Tests.Analysis;

public class RunSummaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public void Create_OneScenario_SummarisesCountsPercentilesAndIntervals()
    {
        var run = FakeRuns.Run("browse", 100, 10_000, 1, Start);

        var summary = RunSummaryFactory.Create(run, "suite-a", TimeSpan.FromSeconds(10), "abc123");
        var scenario = summary.Scenarios.Single();

        Assert.Multiple(() =>
        {
            Assert.That(summary.SchemaVersion, Is.EqualTo(RunSummary.CurrentSchemaVersion));
            Assert.That(summary.Label, Is.EqualTo("abc123"));
            Assert.That(scenario.RequestCount, Is.EqualTo(10_000));
            Assert.That(scenario.ErrorRate, Is.EqualTo(0.01).Within(1e-12));
            Assert.That(scenario.P95Us, Is.EqualTo(run["browse"].Latency.P95.ValueUs));
            Assert.That(scenario.IntervalP95Us, Has.Count.EqualTo(10));
            Assert.That(scenario.HistogramLogBase64, Is.Not.Null);
        });
    }

    [Test]
    public async Task SaveAsync_ThenLoadAsync_RoundTripsEverythingIncludingTheHistogram()
    {
        var summary = RunSummaryFactory.Create(FakeRuns.Run("browse", 60, 10_000, 2, Start), "suite-a");
        var path = Path.Combine(Path.GetTempPath(), $"perftests-summary-{Guid.NewGuid():N}", "run.json");
        try
        {
            await RunSummaryFile.SaveAsync(summary, path);
            var loaded = await RunSummaryFile.LoadAsync(path);
            var histogram = SummaryHistograms.ReadLatency(loaded.Scenarios[0]);

            Assert.Multiple(() =>
            {
                Assert.That(loaded.StartedAt, Is.EqualTo(Start));
                Assert.That(loaded.Scenarios[0].IntervalP95Us, Is.EqualTo(summary.Scenarios[0].IntervalP95Us));
                Assert.That(loaded.Scenarios[0].P99Us, Is.EqualTo(summary.Scenarios[0].P99Us));
                Assert.That(histogram, Is.Not.Null);
                Assert.That(histogram!.TotalCount, Is.EqualTo(6000));
                Assert.That((double)histogram.GetValueAtPercentile(95), Is.EqualTo(summary.Scenarios[0].P95Us));
            });
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public void FromJson_NewerSchemaVersion_IsRefusedWithAClearMessage()
    {
        var json = RunSummaryFile.ToJson(RunSummaryFactory.Create(FakeRuns.Run("browse", 20, 10_000, 3, Start), "s", includeHistograms: false))
            .Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99", StringComparison.Ordinal);

        Assert.That(() => RunSummaryFile.FromJson(json),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("schema version 99"));
    }

    [Test]
    public void ToJson_NaNRate_RoundTripsInsteadOfFailing()
    {
        var summary = Summaries.Of([1000.0]);
        summary = summary with { Scenarios = [summary.Scenarios[0] with { RequestsPerSecond = double.NaN }] };

        var loaded = RunSummaryFile.FromJson(RunSummaryFile.ToJson(summary));

        Assert.That(loaded.Scenarios[0].RequestsPerSecond, Is.NaN);
    }

    [Test]
    public void FromJson_NotJson_IsInvalidData()
    {
        Assert.That(() => RunSummaryFile.FromJson("not json"), Throws.InstanceOf<InvalidDataException>());
    }

    [Test]
    public void Pool_TwoRuns_ConcatenatesIntervalsAndMergesHistograms()
    {
        var a = RunSummaryFactory.Create(FakeRuns.Run("browse", 50, 10_000, 4, Start), "s");
        var b = RunSummaryFactory.Create(FakeRuns.Run("browse", 30, 20_000, 5, Start.AddMinutes(5)), "s");

        var pooled = RunSummaryPool.Pool([a, b]).Scenarios.Single();

        Assert.Multiple(() =>
        {
            Assert.That(pooled.IntervalP95Us, Is.EqualTo(a.Scenarios[0].IntervalP95Us.Concat(b.Scenarios[0].IntervalP95Us)));
            Assert.That(pooled.RequestCount, Is.EqualTo(8000));
            Assert.That(pooled.RequestsPerSecond, Is.EqualTo(100).Within(1e-9));
            // Merged: the pooled median lies between the two runs' medians.
            Assert.That(pooled.P50Us, Is.InRange(a.Scenarios[0].P50Us!.Value, b.Scenarios[0].P50Us!.Value));
        });
    }

    [Test]
    public void Pool_ARunWithoutHistogram_LeavesPercentilesNullNotZero()
    {
        var a = RunSummaryFactory.Create(FakeRuns.Run("browse", 20, 10_000, 6, Start), "s");
        var b = RunSummaryFactory.Create(FakeRuns.Run("browse", 20, 10_000, 7, Start), "s", includeHistograms: false);

        var pooled = RunSummaryPool.Pool([a, b]).Scenarios.Single();

        Assert.That(pooled.P95Us, Is.Null);
    }
}
