using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using PerfTests.Containers.Faults;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace PerfTests.Containers.Downstream;

/// <summary>Starts the WireMock.Net downstream stub on 127.0.0.1 with the fault middleware in front of its mappings.</summary>
internal static class DownstreamServer
{
    // WireMock keeps every request in memory by default: an endurance run would look like a leak.
    private const int RequestLogLimit = 200;

    /// <summary>Returns the server and its base URL (WireMock's own Url says "localhost", which may resolve to ::1 first).</summary>
    internal static (WireMockServer Server, Uri BaseUrl) Start(FaultInjector faults, TimeProvider timeProvider)
    {
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
        MarketPricesStub.Register(server, timeProvider);
        return (server, baseUrl);
    }

    // WireMock needs a concrete port in its URL; asking the OS for a free loopback port keeps parallel runs apart.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
