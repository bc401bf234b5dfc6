using PerfTests.Reporting.Context;
using PerfTests.Reporting.Model;
using PerfTests.Reporting.Writing;

namespace Harness.Tests.Reporting;

[TestFixture]
internal sealed class ExporterFailureTests
{
    private string _blocker = null!;

    [SetUp]
    public void SetUp()
    {
        // A file where the results folder should be: unwritable even for root.
        _blocker = Path.GetTempFileName();
    }

    [TearDown]
    public void TearDown() => File.Delete(_blocker);

    private AllureLifecycle BrokenLifecycle(List<string> logs) =>
        new(new AllureResultsWriter(Path.Combine(_blocker, "allure-results"), logs.Add), TimeProvider.System, getEnv: _ => null)
        {
            Log = logs.Add,
        };

    [Test]
    public void WriteResult_UnwritableFolder_ReturnsFalseAndLogs()
    {
        var logs = new List<string>();
        var writer = new AllureResultsWriter(Path.Combine(_blocker, "allure-results"), logs.Add);

        var ok = writer.WriteResult(new TestResult { Uuid = "u", FullName = "A.B", Name = "B" });

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(logs, Has.One.Contains("u-result.json"));
        });
    }

    [Test]
    public void Lifecycle_UnwritableFolder_EveryCallCompletesWithoutThrowing()
    {
        var logs = new List<string>();
        var lifecycle = BrokenLifecycle(logs);

        Assert.DoesNotThrow(() =>
        {
            lifecycle.StartTest("t", "C", new TestResult { Uuid = "u", FullName = "A.B", Name = "B" });
            Assert.That(lifecycle.Attach("a", "x", "text/plain", "txt"), Is.False);
            Assert.That(lifecycle.Step("s", () => 7), Is.EqualTo(7));
            lifecycle.Metric("m", 1, "ms", "lower");
            Assert.That(lifecycle.StopTest("t", AllureStatus.Passed, null), Is.False);
        });
        Assert.That(logs, Has.Some.Contains("u-result.json").And.Some.Contains("environment.properties"));
    }

    [Test]
    [NonParallelizable]
    public void AllureContext_UnwritableFolder_TestCodeSeesNoException()
    {
        var logs = new List<string>();
        var lifecycle = BrokenLifecycle(logs);
        var previous = AllureContext.Lifecycle;
        AllureContext.Lifecycle = lifecycle;
        try
        {
            lifecycle.StartTest("t", "C", new TestResult { Uuid = "u", FullName = "A.B", Name = "B" });
            Assert.DoesNotThrow(() =>
            {
                AllureContext.Attach("a", new byte[] { 1, 2 }, "application/octet-stream", "bin");
                AllureContext.Parameter("users", 5);
                AllureContext.Metric("m", 2.5, "ms", MetricDirection.LowerIsBetter);
                AllureContext.Step("s", () => { });
            });
        }
        finally
        {
            AllureContext.Lifecycle = previous;
        }

        Assert.That(logs, Has.Some.Contains("attachment"));
    }

    [Test]
    public async Task AllureContext_NoRecordedTest_StepsStillRunAndReturnValues()
    {
        // Harness.Tests does not apply [assembly: AllureResults]: no lifecycle, the body just runs.
        Assume.That(AllureContext.Lifecycle, Is.Null);

        var sync = AllureContext.Step("sync", () => 3);
        var async = await AllureContext.StepAsync("async", () => Task.FromResult(4));

        Assert.That(sync + async, Is.EqualTo(7));
    }
}
