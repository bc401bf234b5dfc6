using PerfTests.Containers;
using PerfTests.Containers.Runtime;

namespace Integration.Tests.Containers;

/// <summary>Starts environments of its own (besides the shared one) to prove disposal leaves nothing behind.</summary>
[Category("Integration")]
public sealed class LifecycleTests
{
    [Test]
    public async Task DisposeAsync_AfterStart_RemovesBothContainers()
    {
        var env = await PerfEnvironment.StartAsync(EnvironmentOptions.FromSettings());
        var whileRunning = await CountSessionContainersAsync(env.SessionId);

        await env.DisposeAsync();
        var afterDispose = await CountSessionContainersAsync(env.SessionId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileRunning, Is.EqualTo(2), "postgres + redis while running");
            Assert.That(afterDispose, Is.Zero, "containers left after DisposeAsync");
        }
    }

    [TestCase(300)]
    [TestCase(1500)]
    public async Task StartAsync_CancelledMidway_ThrowsAndLeavesNoContainer(int cancelAfterMs)
    {
        var sessionId = Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(cancelAfterMs));

        Assert.That(
            async () => await PerfEnvironment.StartAsync(EnvironmentOptions.FromSettings(), sessionId, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(await CountSessionContainersAsync(sessionId), Is.Zero);
    }

    [Test]
    public async Task StartAsync_ImageMissing_FailsAndLeavesNoContainer()
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var options = EnvironmentOptions.FromSettings();
        options.RedisImage = "localhost/perftests/does-not-exist:1";

        Assert.That(
            async () => await PerfEnvironment.StartAsync(options, sessionId, CancellationToken.None),
            Throws.Exception);

        Assert.That(await CountSessionContainersAsync(sessionId), Is.Zero);
    }

    [Test]
    public async Task DisposeAsync_CalledTwice_IsHarmless()
    {
        var env = await PerfEnvironment.StartAsync(EnvironmentOptions.FromSettings());
        await env.DisposeAsync();

        Assert.That(async () => await env.DisposeAsync(), Throws.Nothing);
    }

    private static async Task<int> CountSessionContainersAsync(string sessionId)
    {
        var endpoint = EnvironmentSetUp.Current.DockerEndpoint!;
        using var docker = new DockerApiClient(endpoint, TimeSpan.FromSeconds(30));
        var ids = await docker.ListContainerIdsAsync(ContainerFactory.SessionLabel, sessionId, CancellationToken.None);
        return ids.Count;
    }
}
