using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using PerfTests.Containers.Faults;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace PerfTests.Containers.Downstream;

/// <summary>
/// A stand-in for a downstream HTTP service the team does not own (a payment provider, a prices API):
/// WireMock.Net on 127.0.0.1 with the mappings the test gives, and <see cref="Faults"/> in front of
/// every mapping (latency, error ratios, resets, timeouts) with a timeline for the report.
/// </summary>
public sealed class DownstreamStub : IDisposable
{
    // WireMock keeps every request in memory by default: an endurance run would look like a leak.
    private const int RequestLogLimit = 200;

    private DownstreamStub(WireMockServer server, Uri baseUrl, FaultInjector faults)
    {
        Server = server;
        BaseUrl = baseUrl;
        Faults = faults;
    }

    /// <summary>The WireMock.Net server (add or change mappings here while a test runs).</summary>
    public WireMockServer Server { get; }

    /// <summary>Base URL on 127.0.0.1 (WireMock's own Url says "localhost", which may resolve to ::1 first).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Faults applied ahead of every mapping; every change lands on its timeline.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Starts a stub on a free loopback port with <paramref name="map"/>'s mappings.</summary>
    /// <param name="map">Registers the stub's mappings, e.g. <c>s => s.Given(Request.Create().WithPath("/pay")).RespondWith(Response.Create().WithStatusCode(200))</c>.</param>
    /// <param name="timeProvider">Clock of the fault timeline and injected delays; default the system clock.</param>
    /// <param name="faultSeed">Seed of the faults' random draws (error ratios, latency samples); default 42.</param>
    public static DownstreamStub Start(Action<WireMockServer> map, TimeProvider? timeProvider = null, int faultSeed = 42)
    {
        ArgumentNullException.ThrowIfNull(map);
        var faults = new FaultInjector(timeProvider ?? TimeProvider.System, faultSeed);
        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var settings = new WireMockServerSettings
        {
            Urls = [baseUrl.GetLeftPart(UriPartial.Authority)],
            StartAdminInterface = false,
            Logger = new WireMockNullLogger(),
            MaxRequestLogCount = RequestLogLimit,
            PreWireMockMiddlewareInit = app =>
                ((IApplicationBuilder)app).Use((context, next) => FaultMiddleware.InvokeAsync(context, () => next(context), faults)),
        };
        var server = WireMockServer.Start(settings);
        try
        {
            map(server);
            return new DownstreamStub(server, baseUrl, faults);
        }
        catch
        {
            server.Stop();
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }

    // WireMock needs a concrete port in its URL; asking the OS for a free loopback port keeps parallel runs apart.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
