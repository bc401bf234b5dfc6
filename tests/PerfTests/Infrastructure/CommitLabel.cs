using System.Diagnostics;

namespace PerfTests.Suites.Infrastructure;

/// <summary>The commit a run belongs to, for its summary's label: GITHUB_SHA in CI, else <c>git rev-parse --short HEAD</c>, else null.</summary>
internal static class CommitLabel
{
    private static readonly Lazy<string?> Value = new(Read);

    public static string? Current => Value.Value;

    private static string? Read()
    {
        var sha = System.Environment.GetEnvironmentVariable("GITHUB_SHA");
        if (!string.IsNullOrWhiteSpace(sha))
        {
            return sha.Trim();
        }

        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = TestContext.CurrentContext.TestDirectory,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            // A label is a nicety: never let a hanging git hold the test up.
            if (!git.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                git.Kill();
                return null;
            }

            return git.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
