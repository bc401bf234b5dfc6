using System.Net.Sockets;
using PerfTests.Failover.Balancing;

namespace Harness.Tests.Failover;

[TestFixture]
public sealed class ProxyFailureTests
{
    private static HttpRequestException Refused() =>
        new(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    private static HttpRequestException Reset() =>
        new(HttpRequestError.Unknown, "Error while copying content", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

    private static HttpRequestException Ended() => new(HttpRequestError.ResponseEnded, "The response ended prematurely.");

    [TestCase("GET")]
    [TestCase("POST")]
    public void Classify_RefusedOnFirstAttempt_EjectsAndRetriesAnyMethod(string method) =>
        Assert.That(ProxyFailure.Classify(method, Refused(), firstAttempt: true), Is.EqualTo(new ProxyFailure(EjectBackend: true, Retry: true)));

    [Test]
    public void Classify_ResetOrEndedGet_EjectsAndRetriesOnce()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProxyFailure.Classify("GET", Reset(), firstAttempt: true), Is.EqualTo(new ProxyFailure(true, true)));
            Assert.That(ProxyFailure.Classify("HEAD", Ended(), firstAttempt: true), Is.EqualTo(new ProxyFailure(true, true)));
            Assert.That(ProxyFailure.Classify("GET", Ended(), firstAttempt: false), Is.EqualTo(new ProxyFailure(true, false)), "only one retry");
        });
    }

    [TestCase("POST")]
    [TestCase("PUT")]
    public void Classify_ResetNonIdempotent_EjectsButFailsToTheClient(string method) =>
        Assert.That(ProxyFailure.Classify(method, Reset(), firstAttempt: true), Is.EqualTo(new ProxyFailure(EjectBackend: true, Retry: false)));

    [Test]
    public void Classify_OtherProtocolError_NeitherEjectsNorRetries() =>
        Assert.That(ProxyFailure.Classify("GET", new HttpRequestException(HttpRequestError.SecureConnectionError, "tls"), firstAttempt: true),
            Is.EqualTo(new ProxyFailure(false, false)));
}
