using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PerfTests.Reporting.Environment;

/// <summary>
/// What the report's Environment widget shows: machine, OS, CPUs, .NET, git commit. Numbers from a
/// perf run mean little without the hardware they came from, so this is written with every run.
/// </summary>
internal static class RunEnvironment
{
    /// <summary>Collects the properties; <paramref name="getEnv"/> reads environment variables (injected for tests).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Collect(Func<string, string?> getEnv, string workingDirectory)
    {
        var properties = new List<KeyValuePair<string, string>>
        {
            new("machine", System.Environment.MachineName),
            new("os", RuntimeInformation.OSDescription),
            new("os.architecture", RuntimeInformation.OSArchitecture.ToString()),
            new("cpu.count", System.Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            new("cpu.model", CpuModel() ?? "unknown"),
            new("dotnet.version", RuntimeInformation.FrameworkDescription),
        };

        var commit = GitCommit(getEnv, workingDirectory);
        if (commit is not null)
        {
            properties.Add(new("git.commit", commit));
        }

        var branch = getEnv("GITHUB_REF_NAME");
        if (!string.IsNullOrEmpty(branch))
        {
            properties.Add(new("git.branch", branch));
        }

        return properties;
    }

    /// <summary>GITHUB_SHA when CI sets it, otherwise <c>git rev-parse HEAD</c>; null when neither works.</summary>
    internal static string? GitCommit(Func<string, string?> getEnv, string workingDirectory)
    {
        var sha = getEnv("GITHUB_SHA");
        if (!string.IsNullOrWhiteSpace(sha))
        {
            return sha.Trim();
        }

        try
        {
            var start = new ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            // Bounded: a hung git must not hold up the test run.
            if (!process.WaitForExit(5000))
            {
                process.Kill();
                return null;
            }

            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
#pragma warning disable CA1031 // No git on the machine is normal; the property is just left out.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static string? CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        try
        {
            if (!File.Exists(cpuInfo))
            {
                return null;
            }

            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
