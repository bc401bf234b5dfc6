using PerfTests;
using PerfTests.Containers;

namespace Integration.Tests.Containers;

[Category("Integration")]
public sealed class ExternalModeTests
{
    [Test]
    public async Task StartAsync_ExternalMode_UsesGivenSettingsAndStartsNothing()
    {
        var options = EnvironmentOptions.FromSettings(PerfSettings.Read(_ => null, name => name switch
        {
            "PERF_ENVIRONMENT" => "external",
            "PERF_POSTGRES_CONNECTION" => "Host=staging-db;Database=portal;Username=perf",
            "PERF_REDIS_CONNECTION" => "staging-cache:6379",
            "PERF_DOWNSTREAM_URL" => "http://127.0.0.1:9/prices-api/",
            _ => null,
        }));
        options.DownstreamStub = _ => { }; // the service the stub would stand for is the one given

        await using var env = await PerfEnvironment.StartAsync(options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(env.Mode, Is.EqualTo(EnvironmentMode.External));
            Assert.That(env.PostgresConnectionString, Is.EqualTo("Host=staging-db;Database=portal;Username=perf"));
            Assert.That(env.RedisConnectionString, Is.EqualTo("staging-cache:6379"));
            Assert.That(env.DownstreamBaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:9/prices-api/")));
            Assert.That(env.PostgresContainer, Is.Null);
            Assert.That(env.RedisContainer, Is.Null);
            Assert.That(env.Downstream, Is.Null);
            Assert.That(() => env.Faults, Throws.InvalidOperationException.With.Message.Contains("external mode"));
        }
    }

    [Test]
    public async Task StartAsync_ExternalModeWithoutSettings_ListsEveryMissingSetting()
    {
        var options = new EnvironmentOptions { Mode = EnvironmentMode.External, DownstreamStub = _ => { } };

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await PerfEnvironment.StartAsync(options));

        Assert.That(error!.Message, Does.Contain("PERF_POSTGRES_CONNECTION")
            .And.Contain("PERF_REDIS_CONNECTION")
            .And.Contain("PERF_DOWNSTREAM_URL"));
    }
}
