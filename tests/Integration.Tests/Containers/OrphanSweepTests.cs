using System.Globalization;
using DotNet.Testcontainers.Builders;
using PerfTests.Containers;
using PerfTests.Containers.Runtime;
using PerfTests.Resources;

namespace Integration.Tests.Containers;

/// <summary>
/// What a killed run leaves is swept at the next start; a live session's containers never are; published
/// ports listen on loopback only.
/// </summary>
[Category("Integration")]
public sealed class OrphanSweepTests
{
    [Test]
    public async Task RemoveOrphans_OwnerGoneOrAlive_RemovesOnlyTheOrphan()
    {
        var endpoint = EnvironmentSetUp.Current.DockerEndpoint!;
        var options = EnvironmentOptions.FromSettings();
        // The same machine and boot, but a process that no longer exists (a pid with another start time).
        var dead = RunOwner.Labels.ToDictionary(l => l.Key, l => l.Value);
        dead[RunOwner.StartLabel] = "1";
        var orphanSession = Guid.NewGuid().ToString("N");
        var liveSession = Guid.NewGuid().ToString("N");
        var orphan = new ContainerBuilder(options.RedisImage).WithLabel(ContainerFactory.SessionLabel, orphanSession).WithLabel(dead).Build();
        var live = new ContainerBuilder(options.RedisImage).WithLabel(ContainerFactory.SessionLabel, liveSession).WithLabel(RunOwner.Labels).Build();
        await orphan.StartAsync();
        await live.StartAsync();
        try
        {
            var removed = await ContainerSweeper.RemoveOrphansAsync(endpoint, CancellationToken.None);

            using var docker = new DockerApiClient(endpoint, TimeSpan.FromSeconds(30));
            Assert.That(removed, Is.GreaterThanOrEqualTo(1));
            Assert.That(await docker.ListContainerIdsAsync(ContainerFactory.SessionLabel, orphanSession, CancellationToken.None), Is.Empty, "the orphan was removed");
            Assert.That(await docker.ListContainerIdsAsync(ContainerFactory.SessionLabel, liveSession, CancellationToken.None), Has.Count.EqualTo(1), "the live session's container stays");
        }
        finally
        {
            await orphan.DisposeAsync();
            await live.DisposeAsync();
        }
    }

    [Test]
    public void IsGone_UnclearLabels_NeverCountAsGone()
    {
        Assert.That(RunOwner.IsGone(new Dictionary<string, string>()), Is.False, "no labels: an older or foreign container");
        var otherHost = RunOwner.Labels.ToDictionary(l => l.Key, l => l.Value);
        otherHost[RunOwner.HostLabel] = "another-machine";
        otherHost[RunOwner.StartLabel] = "1";
        Assert.That(RunOwner.IsGone(otherHost), Is.False, "another machine's process cannot be checked from here");
        Assert.That(RunOwner.IsGone(RunOwner.Labels.ToDictionary(l => l.Key, l => l.Value)), Is.False, "this process is alive");
        Assert.That(RunOwner.Labels[RunOwner.PidLabel], Is.EqualTo(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task SharedEnvironment_PublishedPorts_ListenOnLoopbackOnly()
    {
        var env = EnvironmentSetUp.Current;
        using var docker = new DockerApiClient(env.DockerEndpoint!, TimeSpan.FromSeconds(30));
        var ids = await docker.ListContainerIdsAsync(ContainerFactory.SessionLabel, env.SessionId, CancellationToken.None);

        Assert.That(ids, Is.Not.Empty);
        foreach (var id in ids)
        {
            Assert.That(await docker.PublishedHostAddressesAsync(id, CancellationToken.None), Is.Not.Empty.And.All.EqualTo("127.0.0.1"), id);
        }
    }
}
