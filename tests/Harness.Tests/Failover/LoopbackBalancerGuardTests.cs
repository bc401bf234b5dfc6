using PerfTests.Failover.Balancing;

namespace Harness.Tests.Failover;

/// <summary>The drills' balancer forwards to instances on this machine only.</summary>
[TestFixture]
public sealed class LoopbackBalancerGuardTests
{
    [TestCase("http://example.com/")]
    [TestCase("http://10.0.0.8:8080/")]
    [TestCase("ftp://127.0.0.1/")]
    public async Task StartAsync_BackendOffThisMachine_RefusedNamingIt(string backend)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => LoopbackBalancer.StartAsync([new Uri("http://127.0.0.1:5000/"), new Uri(backend)]));

        Assert.That(error!.Message, Does.Contain("only forwards to loopback").And.Contain(new Uri(backend).Host));
    }

    [Test]
    public async Task StartAsync_LoopbackBackends_Starts()
    {
        await using var balancer = await LoopbackBalancer.StartAsync([new Uri("http://127.0.0.1:5000/"), new Uri("http://[::1]:5001/"), new Uri("http://localhost:5002/")]);

        Assert.That(balancer.BaseAddress.IsLoopback, Is.True);
    }
}
