using System.Diagnostics;
using PerfTests;
using PerfTests.Analysis.Baselines;

namespace Harness.Tests.Pipeline;

/// <summary>TestTimeout: the load stops, what was measured is reported, and the test ends broken naming the limit.</summary>
[TestFixture]
public sealed class TestTimeoutTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("perf-timeout-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task RunAsync_PastTestTimeout_StopsReportsAndEndsBrokenNamingTheLimit()
    {
        await using var server = await LoopbackServer.StartAsync();
        var settings = new PerfSettings { SummaryFolder = _root, TestTimeout = TimeSpan.FromSeconds(2) };
        var test = PerfTest.Create("timeout").WithoutBudget().WithSettings(settings).Unscaled()
            .Target($"http://127.0.0.1:{server.Port}/")
            .Load(http => Scenario.Create("orders", http.Get("list", "/orders")).WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromMinutes(1))));
        var watch = Stopwatch.StartNew();

        var stopped = await Assert.ThrowsAsync<OperationCanceledException>(() => test.RunAsync());

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "a one-minute load stopped by a 2 s limit");
        Assert.That(stopped!.Message, Does.StartWith("The test was stopped by its time limit, TestTimeout = 00:00:02")
            .And.EndWith("what it measured until then is reported."));
        var summary = Path.Combine(_root, RunSummaryFile.FileName(TestContext.CurrentContext.Test.ClassName, TestContext.CurrentContext.Test.Name));
        Assert.That(File.Exists(summary), Is.True, "the partial run was reported");
        Assert.That(File.ReadAllText(summary), Does.Contain("\"isCancelled\": true"));
    }

    [Test]
    public async Task RunAsync_WithinTestTimeout_Passes()
    {
        await using var server = await LoopbackServer.StartAsync();
        var settings = new PerfSettings { SummaryFolder = _root, TestTimeout = TimeSpan.FromMinutes(1) };

        var result = await PerfTest.Create("timeout").WithoutBudget().WithSettings(settings).Unscaled()
            .Target($"http://127.0.0.1:{server.Port}/")
            .Load(http => Scenario.Create("orders", http.Get("list", "/orders")).WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromSeconds(1))))
            .RunAsync();

        Assert.That(result.Run!["orders"].OkCount, Is.EqualTo(20));
    }
}
