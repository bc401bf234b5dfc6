using System.Diagnostics;
using PerfTests.Containers.Runtime;
using PerfTests.Failover.Processes;
using PerfTests.Resources;

namespace Harness.Tests.Failover;

/// <summary>The process half of the start-up sweep: an orphan whose owner is gone is killed, a live owner's child is not.</summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessSweeperTests
{
    [Test]
    public void KillOrphans_OwnerGoneOrAlive_KillsOnlyTheOrphan()
    {
        var dead = RunOwner.Labels.ToDictionary(l => l.Key, l => l.Value);
        dead[RunOwner.StartLabel] = "1"; // this pid, but another start: the owner is gone
        using var orphan = Start(string.Join(";", dead.Select(l => $"{l.Key}={l.Value}")));
        using var owned = Start(RunOwner.AsVariable());
        try
        {
            var killed = ProcessSweeper.KillOrphans();

            Assert.That(orphan.WaitForExit(TimeSpan.FromSeconds(10)), Is.True, "the orphan was killed");
            Assert.That(killed, Is.GreaterThanOrEqualTo(1));
            Assert.That(owned.HasExited, Is.False, "a live owner's process stays");
        }
        finally
        {
            foreach (var process in new[] { orphan, owned }.Where(p => !p.HasExited))
            {
                process.Kill();
            }
        }
    }

    private static Process Start(string owner)
    {
        var info = new ProcessStartInfo("sleep", ["600"]) { UseShellExecute = false };
        info.Environment[RunOwner.Variable] = owner;
        return Process.Start(info)!;
    }
}
