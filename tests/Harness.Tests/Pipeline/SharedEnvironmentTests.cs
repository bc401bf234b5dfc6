using PerfTests;

namespace Harness.Tests.Pipeline;

[TestFixture]
public sealed class SharedEnvironmentTests
{
    [Test]
    public void Current_StartFailed_ThrowsNamingTheEnvironment()
    {
        var shared = new SharedEnvironment<Tracked>("Stress", _ => throw new InvalidOperationException("no runtime"), TimeSpan.FromSeconds(5));

        Assert.That(async () => await shared.StartAsync(), Throws.InvalidOperationException);
        var error = Assert.Throws<InvalidOperationException>(() => _ = shared.Current);
        Assert.That(error!.Message, Does.Contain("Stress").And.Contain("OneTimeSetUp"));
    }

    [Test]
    public async Task StopAsync_CalledTwice_DisposesOnce()
    {
        var tracked = new Tracked();
        var shared = new SharedEnvironment<Tracked>("Load", _ => Task.FromResult(tracked), TimeSpan.FromSeconds(5));
        await shared.StartAsync();

        await shared.StopAsync();
        await shared.StopAsync();

        Assert.That(tracked.Disposals, Is.EqualTo(1));
    }

    [Test]
    public void StartAsync_SlowStart_IsCancelledAfterTheTimeout()
    {
        var shared = new SharedEnvironment<Tracked>("Spike", async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return new Tracked();
        }, TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await shared.StartAsync(), Throws.InstanceOf<OperationCanceledException>());
    }

    private sealed class Tracked : IAsyncDisposable
    {
        public int Disposals { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposals++;
            return ValueTask.CompletedTask;
        }
    }
}
