using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Tests.Reports;

/// <summary>
/// A Kestrel on 127.0.0.1 with one endpoint that answers at once (<c>/fast</c>) and one that always
/// waits <see cref="SlowDelay"/> (<c>/slow</c>): the demo suite's budget passes on one and breaks on
/// the other on every run, whatever else the machine is doing. <c>/broken</c> always answers 500.
/// </summary>
internal sealed class DemoEndpoint : IAsyncDisposable
{
    /// <summary>How long /slow waits; budgets/report-demo-slow.yaml fails p95 above 100 ms.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromMilliseconds(150);

    private readonly WebApplication app;

    private DemoEndpoint(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<DemoEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/fast", () => Results.Text("ok"));
        app.MapGet("/broken", () => Results.Text("down", statusCode: StatusCodes.Status500InternalServerError));
        app.MapGet("/slow", async (CancellationToken aborted) =>
        {
            await Task.Delay(SlowDelay, aborted);
            return Results.Text("ok");
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DemoEndpoint(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
