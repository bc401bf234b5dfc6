using System.Diagnostics;
using System.Text;

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
        var script = Path.Combine(RepositoryRoot(), "scripts", "allure-report.sh");
        var start = new ProcessStartInfo(script)
        {
            ArgumentList = { "--single-file", "--results", results, "--output", output, "--history", historyFile, "--name", "Report rendering check" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{script} did not finish within {Timeout.TotalSeconds:0} s. Its output:\n{log}");
        }

        // The parameterless wait also drains the redirected output.
        await process.WaitForExitAsync(CancellationToken.None);
        var index = Path.Combine(output, "index.html");
        if (process.ExitCode != 0 || !File.Exists(index))
        {
            Assert.Fail($"{script} exited with {process.ExitCode}{(File.Exists(index) ? "" : " and wrote no index.html")}. Its output:\n{log}");
        }

        TestContext.Out.WriteLine(log.ToString());
        return index;
    }

    /// <summary>The repository root above the test assembly: the folder holding scripts/allure-report.sh.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "allure-report.sh")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException($"No scripts/allure-report.sh above {TestContext.CurrentContext.TestDirectory}.");
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
