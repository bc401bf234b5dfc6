using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PerfTests.Containers;
using PerfTests.Containers.Runtime;
using PerfTests.Resources;

namespace Integration.Tests.Reports;

/// <summary>
/// Runs killed on purpose: a child <c>dotnet test</c> of the Load suite (its own containers, the portal,
/// load) gets SIGINT (Ctrl+C), SIGTERM or SIGKILL in the middle of its first test, sent to its whole
/// process group as a terminal or a CI runner sends it; one of the WebVitals suite (the portal, Chromium)
/// loses its test host alone to SIGKILL, as the OOM killer ends it. Afterwards no process of that run is left, none
/// of its containers (after SIGKILL: once the next run's start-up sweep ran), and after SIGINT and
/// SIGTERM (sent to the test host, as a supervisor sends it) the run tears down itself and the interrupted
/// test has an Allure result, broken, naming the signal. Ctrl+C through <c>dotnet test</c> ends the host
/// before it can: then, as after SIGKILL, the next run's sweep removes what is left.
/// </summary>
[TestFixture]
[NonParallelizable]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ChaosRunTests
{
    private const string MarkerVariable = "PERF_CHAOS_MARKER";

    // Ctrl+C and SIGKILL of the group (a cancelled CI job) reach every process of the run; SIGTERM goes to
    // the test host alone, as a supervisor stopping it sends it (dotnet test, ended too, would end the host
    // at once); SIGKILL of the host alone (the OOM killer) leaves the browser and the portal to notice.
    [TestCase("INT", "Load", false)]
    [TestCase("TERM", "Load", true)]
    [TestCase("KILL", "Load", false)]
    [TestCase("KILL", "WebVitals", true)]
    public async Task SuiteRun_SignalledMidRun_LeavesNothingBehind(string signal, string category, bool hostOnly)
    {
        var work = Directory.CreateTempSubdirectory($"perf-chaos-{category.ToLowerInvariant()}-{signal.ToLowerInvariant()}-").FullName;
        var marker = Guid.NewGuid().ToString("N");
        var (start, results, _) = SuiteTestRun.Prepare($"Category={category}", durationScale: null, work);
        // In a session of its own (setsid execs, same pid), so the signal reaches its whole group, as Ctrl+C does.
        start.ArgumentList.Insert(0, start.FileName);
        start.FileName = "setsid";
        start.Environment[MarkerVariable] = marker;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var log = new StringBuilder();
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        child.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        var endpoint = await ContainerRuntimeProbe.EnsureAvailableAsync(Environment.GetEnvironmentVariable, CancellationToken.None);
        using var docker = new DockerApiClient(endpoint, TimeSpan.FromSeconds(30));
        var containers = new HashSet<string>();
        List<int> RunPids() => Pids(marker, child.Id);
        try
        {
            child.Start();
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();

            // Mid-run: its containers are up and the first test has been loading the portal (or measuring it in Chromium) for a while.
            var seen = new HashSet<int>();
            var upAt = await WaitAsync(async () =>
            {
                var now = RunPids();
                seen.UnionWith(now);
                var pids = now.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                foreach (var (id, labels) in await docker.ListLabelledAsync(ContainerFactory.SessionLabel, CancellationToken.None))
                {
                    if (labels.TryGetValue(RunOwner.PidLabel, out var owner) && pids.Contains(owner))
                    {
                        containers.Add(id);
                    }
                }

                return containers.Count >= 2;
            }, TimeSpan.FromMinutes(3));
            Assert.That(upAt, Is.True, $"the child's containers never came up:\n{Tail(log)}");
            if (category == "WebVitals")
            {
                var measuring = await WaitAsync(() => Task.FromResult(RunPids().Any(p => CommandLine(p).Contains("--type=renderer", StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
                Assert.That(measuring, Is.True, $"the child never opened a page in Chromium:\n{Tail(log)}");
            }
            else
            {
                await WaitAsync(() => Task.FromResult(Tail(log).Contains("[pr]", StringComparison.Ordinal) || Tail(log).Contains("req/s", StringComparison.Ordinal)), TimeSpan.FromSeconds(40));
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var midRun = RunPids();
            seen.UnionWith(midRun);

            var host = midRun.Where(p => CommandLine(p).Contains("testhost", StringComparison.Ordinal)).ToList();
            Assert.That(host, Has.Count.EqualTo(1), $"the child's test host, mid-run:\n{string.Join("\n", midRun.Select(CommandLine))}\n{Tail(log)}");
            var running = midRun.Select(p => ReadOrEmpty($"/proc/{p}/comm").Trim()).GroupBy(n => n).Select(g => $"{g.Key} x{g.Count()}");
            TestContext.Out.WriteLine($"SIG{signal} to {(hostOnly ? "the test host" : "the group")}; the run's processes: {string.Join(", ", running)}");
            var target = hostOnly ? host[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"-{child.Id}";
            using (var kill = Process.Start("kill", ["-s", signal, "--", target])!)
            {
                await kill.WaitForExitAsync();
            }

            using var ended = new CancellationTokenSource(TimeSpan.FromSeconds(100));
            await child.WaitForExitAsync(ended.Token);

            // Gone means exited: a process still tearing down has no environment left but still runs.
            seen.UnionWith(RunPids());
            var leftovers = await WaitAsync(() => Task.FromResult(RunPids().Count == 0 && seen.All(RunOwner.HasExited)), TimeSpan.FromSeconds(20));
            Assert.That(leftovers, Is.True, $"processes of the run outlived SIG{signal}: {string.Join(", ", RunPids().Concat(seen.Where(p => !RunOwner.HasExited(p))).Distinct().Select(CommandLine))}");
            var tornDown = (await docker.ListLabelledAsync(ContainerFactory.SessionLabel, CancellationToken.None)).Select(c => c.Id).Intersect(containers).ToList().Count == 0;
            TestContext.Out.WriteLine($"SIG{signal}: the run tore its containers down itself: {tornDown}");
            if (signal == "TERM")
            {
                Assert.That(tornDown, Is.True, $"after SIGTERM the host reports, tears down and exits:\n{Tail(log)}");
            }


            // SIGKILL runs no code, and dotnet test ends its test host soon after Ctrl+C: the next run's start-up sweep cleans up.
            var remaining = new List<string>();
            await WaitAsync(async () =>
            {
                await ContainerSweeper.RemoveOrphansAsync(endpoint, CancellationToken.None);
                remaining = [.. (await docker.ListLabelledAsync(ContainerFactory.SessionLabel, CancellationToken.None)).Select(c => c.Id).Intersect(containers)];
                return remaining.Count == 0;
            }, TimeSpan.FromSeconds(10));
            Assert.That(remaining, Is.Empty, $"containers of the run left after SIG{signal}:\n{Tail(log)}");
            if (signal == "TERM")
            {
                var broken = Directory.Exists(results)
                    ? Directory.EnumerateFiles(results, "*-result.json").Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
                        .Where(r => r.GetProperty("status").GetString() == "broken").Select(r => r.GetProperty("statusDetails").GetProperty("message").GetString() ?? "").ToList()
                    : [];
                Assert.That(broken, Has.Some.Contains($"interrupted by SIG{signal}"), $"the interrupted test's result:\n{Tail(log)}");
            }
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            foreach (var id in containers)
            {
                await docker.RemoveContainerAsync(id, CancellationToken.None);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }

    private static string Tail(StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }

    /// <summary>
    /// The whole tree of the child, whatever reparented it: processes that inherited the run's marker variable,
    /// and those in a session that one of them leads (Playwright starts Chromium as a session leader, and
    /// Chromium's zygote scrubs the environment of the renderers it forks).
    /// </summary>
    private static List<int> Pids(string marker, int session)
    {
        var all = Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0).ToList();
        var marked = all.Where(pid => Environ(pid).Contains($"{MarkerVariable}={marker}\0", StringComparison.Ordinal)).ToHashSet();
        marked.Add(session);
        return [.. all.Where(pid => marked.Contains(pid) || marked.Contains(SessionOf(pid)))];
    }

    private static string Environ(int pid) => ReadOrEmpty($"/proc/{pid}/environ");

    // /proc/<pid>/stat: "pid (comm) state ppid pgrp session ..."; comm may hold spaces and parentheses.
    private static int SessionOf(int pid)
    {
        var stat = ReadOrEmpty($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 3 && int.TryParse(fields[3], out var session) ? session : -1;
    }


    private static string CommandLine(int pid) => $"{pid}: {ReadOrEmpty($"/proc/{pid}/cmdline").Replace('\0', ' ')}";

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
