using System.Text.Json;

namespace Integration.Tests.Reports;

/// <summary>
/// README's headline command in a new shell right after set-up: <c>dotnet test tests/PerfTests
/// --filter Category=Load</c> with none of our environment variables, so Testcontainers finds the
/// runtime through ~/.testcontainers.properties and the harness finds the local images through
/// ~/.perftests.properties (both written by scripts/setup-containers.sh). PR profile as shipped;
/// about 2.5 minutes here.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class NewShellLoadRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    [Test]
    public async Task LoadCategory_WithoutAnyOfOurVariables_RunsGreen()
    {
        var work = Directory.CreateTempSubdirectory("perf-new-shell-").FullName;
        using var timeout = new CancellationTokenSource(Limit);

        var run = await SuiteTestRun.RunAsync("Category=Load", durationScale: null, work, timeout.Token, Limit);

        var verdicts = Directory.Exists(run.ResultsDirectory)
            ? Directory.EnumerateFiles(run.ResultsDirectory, "*-result.json").Select(Verdict).ToList()
            : [];
        if (run.Process.ExitCode != 0)
        {
            TestContext.Out.WriteLine($"Output of the Load run (kept in {work}):\n{run.Process.Output}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Process.ExitCode, Is.Zero, "dotnet test --filter Category=Load passed (its output is above)");
            Assert.That(verdicts, Has.Count.GreaterThanOrEqualTo(3).And.All.EndsWith(": passed"), "every Load test recorded into allure-results, passed");
            Assert.That(run.Process.Output, Does.Not.Contain("No container runtime answers"));
        }

        Directory.Delete(work, recursive: true);
    }

    private static string Verdict(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        return $"{json.RootElement.GetProperty("name").GetString()}: {json.RootElement.GetProperty("status").GetString()}";
    }
}
