using System.Net;
using System.Net.Sockets;
using System.Text;
using PerfTests.Load.Http;

namespace Harness.Tests.Load;

public sealed class HttpStepClientTests
{
    [TestCase("http://example.com/")]
    [TestCase("http://10.0.0.5:8080/api")]
    [TestCase("https://[2001:db8::1]/")]
    public void GetStep_NonLoopbackTarget_RefusesWithClearMessage(string url)
    {
        using var client = new HttpStepClient();

        var ex = Assert.Throws<ArgumentException>(() => client.GetStep("get", new Uri(url)));

        Assert.That(ex!.Message, Does.Contain("Refusing to send load").And.Contain("AllowedHosts").And.Contain("127.0.0.0/8"));
    }

    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://127.1.2.3/")]
    [TestCase("http://localhost:8080/x")]
    [TestCase("http://[::1]:9000/")]
    public void GetStep_LoopbackTarget_IsAccepted(string url)
    {
        using var client = new HttpStepClient();

        Assert.That(client.GetStep("get", new Uri(url)).Name, Is.EqualTo("get"));
    }

    [Test]
    public void GetStep_HostInAllowList_IsAccepted()
    {
        var options = new HttpStepOptions();
        options.AllowedHosts.Add("staging.internal");
        using var client = new HttpStepClient(options);

        Assert.That(client.GetStep("get", new Uri("http://staging.internal/health")).Name, Is.EqualTo("get"));
    }

    [Test]
    public async Task SendAsync_NonLoopbackRequest_RefusesBeforeSending()
    {
        using var client = new HttpStepClient();

        await Assert.ThrowsAsync<ArgumentException>(async () =>
            await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://example.com/"), CancellationToken.None));
    }

    [TestCase(200, true)]
    [TestCase(503, false)]
    public async Task GetAsync_LoopbackServer_MapsStatusAndBytes(int status, bool expectOk)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = ServeOnceAsync(listener, status, "hello");
        using var client = new HttpStepClient();

        var result = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);
        await serving;

        Assert.That(result.IsOk, Is.EqualTo(expectOk));
        Assert.That(result.StatusCode, Is.EqualTo(status));
        Assert.That(result.Bytes, Is.EqualTo(5));
    }

    [Test]
    public async Task GetAsync_NothingListening_FailsWithConnectionError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HttpStepClient();

        var result = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"), CancellationToken.None);

        Assert.That(result.IsOk, Is.False);
        Assert.That(result.Status, Is.EqualTo("ConnectionError"));
    }

    private static async Task ServeOnceAsync(TcpListener listener, int status, string body)
    {
        using var socket = await listener.AcceptSocketAsync();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var response = $"HTTP/1.1 {status} X\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
        await socket.SendAsync(Encoding.ASCII.GetBytes(response), SocketFlags.None);
        socket.Shutdown(SocketShutdown.Both);
    }
}
