using System.Diagnostics;

namespace Integration.Tests.Reports;

/// <summary>
/// Runs scripts/allure-report.sh, the same script users and CI run, to render a single-file report
/// (the real npm Allure 3 CLI; the script installs it into scripts/allure/node_modules when missing).
/// </summary>
internal static class AllureCli
{
    /// <summary>Enough for a first-time <c>npm ci</c> (about 10 s here) plus the render (a few seconds).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Renders <paramref name="results"/> into <paramref name="output"/>/index.html; fails the test with the CLI's output when it fails.</summary>
    public static async Task<string> RenderSingleFileAsync(string results, string output, string historyFile, CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot.Find(), "scripts", "allure-report.sh");
        var start = new ProcessStartInfo(script)
        {
            ArgumentList = { "--single-file", "--results", results, "--output", output, "--history", historyFile, "--name", "Report rendering check" },
        };

        var run = await ChildProcess.RunAsync(start, Timeout, cancellationToken);
        if (run.TimedOut)
        {
            Assert.Fail($"{script} did not finish within {Timeout.TotalSeconds:0} s. Its output:\n{run.Output}");
        }

        var index = Path.Combine(output, "index.html");
        if (run.ExitCode != 0 || !File.Exists(index))
        {
            Assert.Fail($"{script} exited with {run.ExitCode}{(File.Exists(index) ? "" : " and wrote no index.html")}. Its output:\n{run.Output}");
        }

        TestContext.Out.WriteLine(run.Output);
        return index;
    }
}
