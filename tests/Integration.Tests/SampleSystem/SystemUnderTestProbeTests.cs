using System.Net;
using System.Net.Sockets;
using PerfTests;

namespace Integration.Tests.SampleSystem;

/// <summary>The fail-fast check and the external target; needs no dependencies.</summary>
[TestFixture]
[Category("Integration")]
public sealed class SystemUnderTestProbeTests
{
    [Test]
    public async Task EnsureReachableAsync_NothingListening_ThrowsNamingTheUrl()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}/");

        var error = await Assert.ThrowsAsync<SystemUnderTestUnreachableException>(
            () => SystemUnderTestProbe.EnsureReachableAsync(url, "/health", timeout: TimeSpan.FromMilliseconds(500)));

        Assert.That(error!.Message, Does.Contain(url.ToString()).And.Contain("health").And.Contain("TargetUrl").And.Contain("PERF_TARGET_URL"));
    }

    [Test]
    public async Task EnsureReachableAsync_HealthPathMustSucceedAndAnswers404_FailsAtOnceWith404InMessage()
    {
        await using var stub = await PriceStub.StartAsync();

        var error = await Assert.ThrowsAsync<SystemUnderTestUnreachableException>(
            () => SystemUnderTestProbe.EnsureReachableAsync(stub.BaseAddress, "no-such-health", TimeSpan.FromSeconds(5), requireSuccess: true));

        Assert.That(error!.Message, Does.Contain("404"));
    }

    [Test]
    public async Task EnsureReachableAsync_AnyPathAnswering404_CountsAsReachable()
    {
        await using var stub = await PriceStub.StartAsync();

        // A server that answers at all is up: the default probe of an external target asks no more.
        await SystemUnderTestProbe.EnsureReachableAsync(stub.BaseAddress, "no-such-page", TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task ExternalSystemUnderTest_UrlWithoutSlash_BaseAddressEndsWithSlash()
    {
        await using var external = new ExternalSystemUnderTest(new Uri("http://127.0.0.1:5000/app"));

        Assert.That(external.BaseAddress.ToString(), Is.EqualTo("http://127.0.0.1:5000/app/"));
    }

    [Test]
    public void ExternalSystemUnderTest_NonHttpUrl_Throws()
    {
        Assert.Throws<ArgumentException>(() => _ = new ExternalSystemUnderTest(new Uri("ftp://127.0.0.1/")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
