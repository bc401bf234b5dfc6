using PerfTests.Suites.Infrastructure;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using PerfTests.Containers;
using PerfTests.Failover.Balancing;
using PerfTests.Failover.Processes;

namespace Integration.Tests.Failover;

/// <summary>The portal as a separate OS process: started when ready, SIGKILLed for real, never left behind; the balancer routes around it.</summary>
[TestFixture]
[Category("Integration")]
public sealed class AppProcessDrillTests
{
    [Test]
    [CancelAfter(240_000)]
    public async Task KillAsync_PortalProcessBehindBalancer_ProcessIsGoneAndEveryReadIsAnsweredByTheOther(CancellationToken ct)
    {
        await using var dependencies = await PerfEnvironment.StartAsync(PortalDependencies.Options(), ct);
        await using var seeded = await AppProcess.StartAsync(Options(dependencies, seedClients: 100), ct);
        await using var victim = await AppProcess.StartAsync(Options(dependencies, seedClients: 0), ct);
        await using var balancer = await LoopbackBalancer.StartAsync([victim.BaseAddress, seeded.BaseAddress], cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = balancer.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var before = await ReadAsync(http, 10, ct);

        var pid = victim.ProcessId;
        await victim.KillAsync(ct);
        var after = await ReadAsync(http, 20, ct);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(victim.HasExited, Is.True);
            Assert.That(IsRunning(pid), Is.False, "SIGKILLed and reaped: no process left with that id");
            Assert.That(after, Is.All.EqualTo(HttpStatusCode.OK), "reads refused or reset by the dead instance are retried on the other one");
            Assert.That(balancer.Ejections, Is.GreaterThan(0), "the dead instance is marked down");
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task StartAsync_NeverReady_FailsWithTheUrlAndLeavesNoProcess(CancellationToken ct)
    {
        await using var dependencies = await PerfEnvironment.StartAsync(PortalDependencies.Options(), ct);
        var options = Options(dependencies, seedClients: 0);
        var neverReady = new AppProcessOptions { AssemblyPath = options.AssemblyPath, Settings = options.Settings, ReadinessPath = "/not-a-route", ReadyTimeout = TimeSpan.FromSeconds(20) };
        var before = PortalProcessIds();

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await AppProcess.StartAsync(neverReady, ct));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Match(@"did not answer http://127\.0\.0\.1:\d+/not-a-route within 20 s \(last: HTTP 404\)"));
            Assert.That(PortalProcessIds().Except(before), Is.Empty, "the process that never got ready was killed and reaped");
        });
    }

    private static AppProcessOptions Options(PerfEnvironment dependencies, int seedClients) => new()
    {
        AssemblyPath = typeof(Program).Assembly.Location,
        Settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = dependencies.PostgresConnectionString,
            ["ConnectionStrings:Redis"] = dependencies.RedisConnectionString,
            ["SampleSystem:MarketPricesBaseUrl"] = dependencies.DownstreamBaseUrl.ToString(),
            ["SampleSystem:TokenSigningKey"] = "aW50ZWdyYXRpb24tdGVzdHMtc2hhcmVkLXNpZ25pbmcta2V5IQ==",
            ["SampleSystem:Database:SeedClientsOnStartup"] = seedClients.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        },
    };

    private static async Task<List<HttpStatusCode>> ReadAsync(HttpClient http, int count, CancellationToken ct)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= count; i++)
        {
            using var response = await http.GetAsync(new Uri($"api/clients/{i}", UriKind.Relative), ct);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Children of this test process only: other worktrees may run the portal at the same time.
    private static HashSet<int> PortalProcessIds() =>
        [.. Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(d => int.TryParse(d, out _))
            .Where(d => ParentOf(d!) == System.Environment.ProcessId && TryRead($"/proc/{d}/cmdline").Contains("PerfTests.SampleSystem.dll", StringComparison.Ordinal))
            .Select(d => int.Parse(d!, CultureInfo.InvariantCulture))];

    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so parse after the last ')'.
    private static int ParentOf(string pid)
    {
        var stat = TryRead($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ? parent : -1;
    }

    private static string TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
