using PerfTests;
using PerfTests.Reporting.Model;

namespace Integration.Tests.Reports;

/// <summary>
/// abort_on_fail end to end: a 60 s run whose error-rate threshold is lost stops after its delay, the
/// test fails saying it was aborted and why, and the Allure result, overview included, is still written.
/// </summary>
[TestFixture]
[NonParallelizable] // NestedAllureRun swaps the process-wide Allure lifecycle.
public sealed class AbortOnFailTests
{
    private const string TestName = "BrokenEndpoint_ErrorRateLost_StopsEarly";

    [Test]
    public async Task AbortOnFail_ThresholdLost_RunStopsEarlyFailsWithTheReasonAndIsReported()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var results = Directory.CreateTempSubdirectory("perf-abort-").FullName;
        try
        {
            await using var endpoint = await DemoEndpoint.StartAsync(timeout.Token);
            PerfResult? run = null;
            using (var nested = new NestedAllureRun(results))
            {
                var status = await nested.RecordAsync(GetType().FullName!, TestName, async () =>
                {
                    var test = PerfTest.Create("report-demo-abort")
                        .WithSettings(new PerfSettings { BudgetOverlay = "none", SummaryFolder = Path.Combine(results, "summaries") })
                        .Unscaled()
                        .Target(endpoint.BaseAddress)
                        .Load(http => Scenario.Create("broken-endpoint", http.Get("get", "/broken"))
                            .WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromSeconds(60))));
                    run = await test.EvaluateAsync(timeout.Token);
                    run.Assert();
                });
                Assert.That(status, Is.EqualTo(AllureStatus.Failed));
            }

            // The engine stopped at the first check after 2 s measured (the schedule was 60 s).
            var load = run!.Run!;
            Assert.That(load.IsAborted, Is.True);
            Assert.That(load.AbortReason, Does.StartWith("broken-endpoint, after 2 s measured: broken-endpoint rate = 100% broke < 50%"));
            Assert.That(load["broken-endpoint"].Duration, Is.LessThan(TimeSpan.FromSeconds(10)));

            var result = AllureResultFiles.Result(results, TestName);
            var message = result.GetProperty("statusDetails").GetProperty("message").GetString();
            Assert.That(message, Does.StartWith("Budget 'report-demo-abort' breached")
                .And.Contain("run aborted early (abort_on_fail): broken-endpoint, after 2 s measured"));
            var overview = File.ReadAllText(Path.Combine(results, AllureResultFiles.AttachmentSource(results, TestName, "overview")));
            Assert.That(overview, Does.Contain("ABORTED early"), "the overview says the run was cut short");
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }
}
