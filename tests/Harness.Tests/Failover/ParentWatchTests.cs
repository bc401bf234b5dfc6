using System.Diagnostics;
using PerfTests.Failover.Processes;

namespace Harness.Tests.Failover;

/// <summary>
/// The watcher that ties a child to the test host. The "host" here is a process we can kill: the writer
/// of the pipe the watched child reads, exactly as the test host is for an AppProcess.
/// </summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ParentWatchTests
{
    [TestCase("KILL")]
    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task HostDies_ByAnySignal_TheChildDiesWithIt(string signal)
    {
        Assume.That(ParentWatch.Available, "needs bash");
        var marker = $"perftests-watch-{Guid.NewGuid():N}";
        var hostMarker = marker + "-host";
        // "host | watched child": the host holds the pipe's only write end, as the test host holds an AppProcess's stdin.
        using var shell = Process.Start(new ProcessStartInfo("/bin/bash")
        {
            ArgumentList =
            {
                "-c",
                $"/bin/bash -c 'exec -a {hostMarker} sleep 600' | /bin/bash -c {Quote(ParentWatch.Script)} perftests-child /bin/bash -c 'exec -a {marker} sleep 700'",
            },
            UseShellExecute = false,
        })!;
        try
        {
            var child = await WaitForAsync(() => Pids(marker).FirstOrDefault(), TimeSpan.FromSeconds(10));
            var host = await WaitForAsync(() => Pids(hostMarker).FirstOrDefault(), TimeSpan.FromSeconds(10));
            Assert.That(child, Is.Not.Zero, "the watched child started");
            Assert.That(host, Is.Not.Zero, "the host started");

            using (var kill = Process.Start("kill", $"-{signal} {host}")!)
            {
                await kill.WaitForExitAsync();
            }

            var gone = await WaitForAsync(() => Pids(marker).Count == 0 ? 1 : 0, TimeSpan.FromSeconds(10));
            Assert.That(gone, Is.EqualTo(1), $"the child outlived its host killed by SIG{signal}");
        }
        finally
        {
            foreach (var pid in Pids(marker))
            {
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill();
            }

            shell.Kill(entireProcessTree: true);
        }
    }

    [Test]
    public async Task HostLives_ChildKeepsRunning()
    {
        Assume.That(ParentWatch.Available, "needs bash");
        var marker = $"perftests-watch-{Guid.NewGuid():N}";
        var info = ParentWatch.StartInfo("/bin/bash", ["-c", $"exec -a {marker} sleep 700"]);
        using var child = Process.Start(info)!;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3));

            Assert.That(child.HasExited, Is.False, "a living host keeps its child");
            Assert.That(Pids(marker), Has.Count.EqualTo(1));
        }
        finally
        {
            child.Kill(entireProcessTree: true);
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Processes whose name (argv[0], set with exec -a) is <paramref name="name"/>.</summary>
    private static List<int> Pids(string name) =>
        [.. Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0)
            .Where(pid => CommandLine(pid).StartsWith(name + " ", StringComparison.Ordinal))];

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task<int> WaitForAsync(Func<int> probe, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (probe() is var value and not 0)
            {
                return value;
            }

            await Task.Delay(100);
        }

        return 0;
    }
}
