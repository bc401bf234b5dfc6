using System.Diagnostics;

namespace PerfTests;

/// <summary>The commit a run belongs to, for its summary's label: GITHUB_SHA in CI, else <c>git rev-parse --short HEAD</c>, else null.</summary>
internal static class CommitLabel
{
    private static readonly Lazy<string?> Value = new(() => Read(System.Environment.GetEnvironmentVariable, AppContext.BaseDirectory));

    public static string? Current => Value.Value;

    internal static string? Read(Func<string, string?> environment, string workingDirectory, string git = "git")
    {
        var sha = environment("GITHUB_SHA");
        if (!string.IsNullOrWhiteSpace(sha))
        {
            return sha.Trim();
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(git, "rev-parse --short HEAD")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
            });
            if (process is null)
            {
                return null;
            }

            // Read while waiting, both bounded: a label is a nicety, a hung git must not hold the run up.
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)) || !output.Wait(TimeSpan.FromSeconds(1)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            var text = output.Result.Trim();
            return process.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
