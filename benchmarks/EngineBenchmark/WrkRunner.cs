using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfTests.EngineBenchmark;

/// <summary>Runs the reference tool wrk and reads its "Requests/sec" line.</summary>
internal static partial class WrkRunner
{
    public static async Task<double> RunAsync(Uri target, TimeSpan duration, int connections, int threads)
    {
        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s", target.ToString() })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk (apt-get install -y wrk).");
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        Console.WriteLine(output.TrimEnd());
        var match = RequestsPerSecond().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"wrk output had no Requests/sec line (exit code {process.ExitCode}).");
    }

    [GeneratedRegex(@"Requests/sec:\s*([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}
