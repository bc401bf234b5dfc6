using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PerfTests;
using PerfTests.Hosting;
using PerfTests.SampleSystem.Data;

namespace Integration.Tests.SampleSystem;

/// <summary>The sample system on real Kestrel plus a client and helpers the tests share.</summary>
internal sealed class SampleSystemHost : IAsyncDisposable
{
    private readonly KestrelApplicationFactory<Program> _factory;

    private SampleSystemHost(KestrelApplicationFactory<Program> factory, string isolationName)
    {
        _factory = factory;
        IsolationName = isolationName;
        Client = new HttpClient { BaseAddress = factory.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string IsolationName { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => _factory.BaseAddress;

    public IServiceProvider Services => _factory.Services;

    public static async Task<SampleSystemHost> StartAsync(string isolationName, Dictionary<string, string?> settings, int seedClients)
    {
        var factory = new KestrelApplicationFactory<Program>(settings);
        factory.Start();
        await SystemUnderTestProbe.EnsureReachableAsync(factory.BaseAddress, timeout: TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        var host = new SampleSystemHost(factory, isolationName);
        if (seedClients > 0)
        {
            await host.SeedAsync(new SeedOptions { Clients = seedClients, Seed = 7 }).ConfigureAwait(false);
        }

        return host;
    }

    public Task<SeedResult> SeedAsync(SeedOptions options) =>
        _factory.Services.GetRequiredService<SeedDataGenerator>().SeedAsync(options, "perf-admin", CancellationToken.None);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await Client.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<JsonElement> MetricsAsync() => GetJsonAsync("/metrics");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync().ConfigureAwait(false);
        await SampleSystemTestEnvironment.DropSchemaAsync(IsolationName).ConfigureAwait(false);
    }
}
