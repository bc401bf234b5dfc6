using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PerfTests.Hosting;

/// <summary>
/// Hosts an ASP.NET Core app on real Kestrel bound to 127.0.0.1 on a free port, so load crosses
/// real sockets (the default TestServer is in-memory and would flatter every latency).
/// Settings override the app's configuration (keys like "ConnectionStrings:Postgres").
/// </summary>
/// <typeparam name="TEntryPoint">A type in the app's entry assembly, usually its Program.</typeparam>
public class KestrelApplicationFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>, ISystemUnderTest
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>Creates the factory; the app starts on first use of <see cref="BaseAddress"/> or <see cref="Start"/>.</summary>
    /// <param name="settings">Configuration overrides; "Logging:LogLevel:Default" defaults to Warning.</param>
    public KestrelApplicationFactory(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Root URL of the running app, e.g. http://127.0.0.1:41234/ (starts the app when needed).</summary>
    public Uri BaseAddress
    {
        get
        {
            Start();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no listening address.");
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    /// <summary>Starts the app on Kestrel now (idempotent), so start-up errors surface here.</summary>
    public void Start() => StartServer();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // UseSetting (not ConfigureAppConfiguration) so apps that read configuration before Build() see the values.
        if (!_settings.ContainsKey("Logging:LogLevel:Default"))
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
