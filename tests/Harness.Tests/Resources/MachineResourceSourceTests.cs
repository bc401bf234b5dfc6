using Microsoft.Extensions.Time.Testing;
using PerfTests.Resources;

namespace Harness.Tests.Resources;

/// <summary>
/// The machine sampler on a /proc tree written by the test: CPU of all cores by kind, the share of it
/// used by processes that are not the run's (foreign CPU), pressure stalls and the load average.
/// </summary>
[TestFixture]
public sealed class MachineResourceSourceTests
{
    private const int OwnPid = 100;
    private const string Owner = "perftests.owner.pid=100";
    private static readonly string[] RealMachineKeys = ["cpu", "foreign_cpu", "cpu_iowait", "load1"];
    private string _proc = "";
    private FakeTimeProvider _time = new();

    [SetUp]
    public void CreateProc()
    {
        _proc = Directory.CreateTempSubdirectory("perf-proc-").FullName;
        _time = new FakeTimeProvider();
        Directory.CreateDirectory(Path.Combine(_proc, "pressure"));
    }

    [TearDown]
    public void DeleteProc() => Directory.Delete(_proc, recursive: true);

    [Test]
    public async Task SampleAsync_ANeighbourBesideTheRun_IsForeignCpuWhileTheRunsChildrenAndContainersAreNot()
    {
        // 2 cores, 100 ticks a second each: 200 ticks per second in all.
        WriteStat(user: 0, system: 0, idle: 0);
        Process(OwnPid, parent: 1, ticks: 0);
        Process(101, parent: OwnPid, ticks: 0);                      // an app instance the test started
        Process(200, parent: 50, ticks: 0, owner: Owner);           // a container process (child of the runtime)
        Process(201, parent: 200, ticks: 0);                         // its worker
        Process(300, parent: 1, ticks: 0, owner: "perftests.owner.pid=999"); // another run's container
        Process(400, parent: 1, ticks: 0);                           // a neighbour's compiler
        var source = Source();
        await source.SampleAsync(CancellationToken.None);

        // One second: 150 of 200 ticks busy; the run used 10 + 20 + 15 + 5 = 50, the others 30 + 70.
        _time.Advance(TimeSpan.FromSeconds(1));
        WriteStat(user: 120, system: 30, idle: 50);
        Process(OwnPid, parent: 1, ticks: 10);
        Process(101, parent: OwnPid, ticks: 20);
        Process(200, parent: 50, ticks: 15, owner: Owner);
        Process(201, parent: 200, ticks: 5);
        Process(300, parent: 1, ticks: 30, owner: "perftests.owner.pid=999");
        Process(400, parent: 1, ticks: 70);
        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(values["cpu"], Is.EqualTo(0.75).Within(1e-9));
        Assert.That(values["cpu_user"], Is.EqualTo(0.60).Within(1e-9));
        Assert.That(values["cpu_system"], Is.EqualTo(0.15).Within(1e-9));
        Assert.That(values["foreign_cpu"], Is.EqualTo(0.50).Within(1e-9), "(150 - 50) / 200");
    }

    [Test]
    public async Task SampleAsync_AProcessOfTheRunStartedBetweenSamples_CountsFromItsStart()
    {
        WriteStat(user: 0, system: 0, idle: 0);
        Process(OwnPid, parent: 1, ticks: 0);
        var source = Source();
        await source.SampleAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(1));
        WriteStat(user: 100, system: 0, idle: 100);
        Process(OwnPid, parent: 1, ticks: 40);
        Process(102, parent: OwnPid, ticks: 60);
        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(values["foreign_cpu"], Is.Zero);
    }

    [Test]
    public async Task SampleAsync_AReusedPid_IsAnotherProcess()
    {
        WriteStat(user: 0, system: 0, idle: 0);
        Process(OwnPid, parent: 1, ticks: 0);
        Process(500, parent: OwnPid, ticks: 50, start: 10);
        var source = Source();
        await source.SampleAsync(CancellationToken.None);

        // pid 500 ended; a neighbour's process got the pid: its 80 ticks are foreign.
        _time.Advance(TimeSpan.FromSeconds(1));
        WriteStat(user: 80, system: 0, idle: 120);
        Process(OwnPid, parent: 1, ticks: 0);
        Process(500, parent: 1, ticks: 80, start: 20);
        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(values["foreign_cpu"], Is.EqualTo(0.4).Within(1e-9));
    }

    [Test]
    public async Task SampleAsync_IowaitAndSteal_AreNotBusyButReported()
    {
        WriteStat(user: 0, system: 0, idle: 0);
        Process(OwnPid, parent: 1, ticks: 0);
        var source = Source();
        await source.SampleAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(1));
        WriteStat(user: 20, system: 0, idle: 100, iowait: 40, steal: 40);
        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(values["cpu"], Is.EqualTo(0.1).Within(1e-9));
        Assert.That(values["cpu_iowait"], Is.EqualTo(0.2).Within(1e-9));
        Assert.That(values["cpu_steal"], Is.EqualTo(0.2).Within(1e-9));
        Assert.That(values["foreign_cpu"], Is.EqualTo(0.1).Within(1e-9));
    }

    [Test]
    public async Task SampleAsync_PressureStallTotals_BecomeTheStalledShareOfTheInterval()
    {
        WriteStat(user: 0, system: 0, idle: 0);
        Process(OwnPid, parent: 1, ticks: 0);
        WritePressure("cpu", totalUs: 1_000_000);
        WritePressure("io", totalUs: 5_000);
        File.WriteAllText(Path.Combine(_proc, "loadavg"), "3.00 1.50 0.75 2/300 4242\n");
        var source = Source();
        var first = await source.SampleAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(2));
        WritePressure("cpu", totalUs: 1_500_000);
        WritePressure("io", totalUs: 5_000);
        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(first.Keys, Has.None.StartsWith("psi_"), "the first sample only sets the baseline");
        Assert.That(values["psi_cpu_some"], Is.EqualTo(0.25).Within(1e-9), "0.5 s stalled in 2 s");
        Assert.That(values["psi_io_some"], Is.Zero);
        Assert.That(values, Does.Not.ContainKey("psi_memory_some"), "a kernel without that file reports nothing, not 0");
        Assert.That(values["load1"], Is.EqualTo(3.0 / Environment.ProcessorCount).Within(1e-9));
    }

    [Test]
    public async Task SampleAsync_NoProcFiles_ReportsNothingAndDoesNotThrow()
    {
        var source = Source();
        await source.SampleAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(values, Is.Empty);
    }

    [Test]
    public async Task ForThisMachine_OnLinux_SeesTheRealMachine()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("/proc is Linux only");
        }

        var source = MachineResourceSource.ForThisMachine();
        await source.SampleAsync(CancellationToken.None);
        await Task.Delay(300);
        var values = await source.SampleAsync(CancellationToken.None);

        Assert.That(values.Keys, Is.SupersetOf(RealMachineKeys));
        Assert.That(values["foreign_cpu"], Is.InRange(0.0, values["cpu"]));
    }

    private MachineResourceSource Source() => new(_proc, OwnPid, Owner, _time);

    private void WriteStat(long user, long system, long idle, long iowait = 0, long steal = 0) =>
        File.WriteAllText(Path.Combine(_proc, "stat"), $"cpu  {user} 0 {system} {idle} {iowait} 0 0 {steal} 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n");

    private void WritePressure(string resource, long totalUs) =>
        File.WriteAllText(Path.Combine(_proc, "pressure", resource), $"some avg10=0.00 avg60=0.00 avg300=0.00 total={totalUs}\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");

    private void Process(int pid, int parent, long ticks, string? owner = null, long start = 1)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_proc, pid.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
        // Field 2 with a space and a parenthesis, as real command names may have.
        File.WriteAllText(Path.Combine(directory, "stat"),
            $"{pid} (my (app) x) S {parent} {pid} {pid} 0 -1 0 0 0 0 0 {ticks} 0 0 0 20 0 1 0 {start} 1000 100\n");
        File.WriteAllText(Path.Combine(directory, "environ"), owner is null ? "PATH=/bin\0" : $"PATH=/bin\0PERFTESTS_OWNER={owner}\0");
    }
}
