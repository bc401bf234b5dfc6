using NUnit.Framework.Internal;
using PerfTests;
using PerfTests.Reporting.Model;

namespace Integration.Tests.Reports;

/// <summary>
/// A secret in the target URL (user-info and query) and in the candidate settings, and a test that
/// echoes both the way the side-by-side suite does (a report parameter and an output line), then fails its
/// budget: the secrets are nowhere in the allure-results, the rendered report, the summaries or the test
/// output, while the masked URL is (so the places were written at all).
/// </summary>
[TestFixture]
[NonParallelizable] // NestedAllureRun swaps the process-wide Allure lifecycle.
public sealed class SecretsInReportTests
{
    private const string Password = "pw-9f3c1e7a";
    private const string Token = "tok-5b2d8e41";
    private const string ApiKey = "key-7e4a9c02";

    [Test]
    public async Task Secrets_InTargetUrlAndCandidateSettings_NeverReachReportSummariesOrOutput()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var work = Directory.CreateTempSubdirectory("perf-secrets-").FullName;
        try
        {
            await using var endpoint = await DemoEndpoint.StartAsync(timeout.Token);
            var target = new Uri($"http://perf-ops:{Password}@127.0.0.1:{endpoint.BaseAddress.Port}/?token={Token}");
            var settings = new PerfSettings
            {
                BudgetOverlay = "none",
                TargetUrl = target,
                CandidateSettings = new Dictionary<string, string?> { ["Payments:ApiKey"] = ApiKey, ["Cache:Enabled"] = "true" },
                SummaryFolder = Path.Combine(work, "summaries"),
                SummaryFile = Path.Combine(work, "summary.md"),
            };
            var results = Path.Combine(work, "allure-results");
            var outputBefore = TestExecutionContext.CurrentContext.CurrentResult.Output.Length;
            using (var nested = new NestedAllureRun(results))
            {
                var status = await nested.RecordAsync(GetType().FullName!, "SecretCarrier", () =>
                    PerfTest.Create("report-demo-secrets").WithSettings(settings).Unscaled()
                        .Parameter("candidate settings", string.Join("; ", settings.CandidateSettings.Select(p => $"{p.Key}={p.Value}")))
                        .Run(async run =>
                        {
                            await run.Output.WriteLineAsync($"target {settings.TargetUrl}, candidate {string.Join("; ", settings.CandidateSettings)}");
                            await run.RunLoadAsync([Scenario.Create("secret-endpoint", run.Http.Get("get", "/slow"))
                                .WithLoadSimulations(LoadSimulation.ConstantRate(20, TimeSpan.FromSeconds(2)))]);
                        })
                        .RunAsync(timeout.Token));
                Assert.That(status, Is.EqualTo(AllureStatus.Failed), "the budget breach wrote a failure message");
            }

            var output = TestExecutionContext.CurrentContext.CurrentResult.Output[outputBefore..];
            var report = await AllureCli.RenderSingleFileAsync(results, Path.Combine(work, "report"), Path.Combine(work, "history.jsonl"), timeout.Token);

            var written = Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories)
                .Select(f => (File: Path.GetRelativePath(work, f), Text: File.ReadAllText(f)))
                .Append((File: "test output", Text: output)).ToList();
            Assert.That(written.Select(w => w.File), Has.Some.EndsWith("-result.json").And.Some.EndsWith(".json").And.Some.EqualTo("summary.md"));
            Assert.That(File.Exists(report), Is.True);
            Assert.That(output, Does.Contain("target http://***@127.0.0.1:").And.Contain("Payments:ApiKey, ***"), "the output was written, masked");
            foreach (var secret in new[] { Password, Token, ApiKey })
            {
                Assert.That(written.Where(w => w.Text.Contains(secret, StringComparison.Ordinal)).Select(w => w.File), Is.Empty, $"files holding {secret}");
            }

            Assert.That(string.Join("\n", written.Select(w => w.Text)), Does.Contain("Cache:Enabled=true"), "settings that are not secret stay readable");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
