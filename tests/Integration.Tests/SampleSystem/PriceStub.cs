using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Tests.SampleSystem;

/// <summary>
/// An in-test market prices service on Kestrel (127.0.0.1, free port) whose failures the test controls:
/// price = 100 + length of the symbol, so tests can compute expected values.
/// </summary>
internal sealed class PriceStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private PriceStub(WebApplication app) => _app = app;

    /// <summary>When true every request answers 500.</summary>
    public volatile bool Failing;

    public int Requests => Volatile.Read(ref _requests);

    public Uri BaseAddress
    {
        get
        {
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address + "/");
        }
    }

    public static decimal PriceOf(string symbol) => 100m + symbol.Length;

    public static async Task<PriceStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new PriceStub(app);
        app.MapGet("/prices/{symbol}", (string symbol) =>
        {
            Interlocked.Increment(ref stub._requests);
            return stub.Failing
                ? Results.StatusCode(StatusCodes.Status500InternalServerError)
                : Results.Json(new { symbol, price = PriceOf(symbol), currency = "GBP", asOf = DateTimeOffset.UtcNow });
        });
        await app.StartAsync().ConfigureAwait(false);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
