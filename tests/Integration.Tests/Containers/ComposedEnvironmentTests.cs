using System.Net;
using PerfTests;
using PerfTests.Containers;
using PerfTests.Containers.Downstream;
using PerfTests.Containers.Faults;
using PerfTests.Containers.Runtime;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Integration.Tests.Containers;

/// <summary>
/// An environment of a user's own shape: only the services its app needs, and a stub of a downstream
/// service with the user's own mappings (here a payment provider), faults included.
/// </summary>
[Category("Integration")]
public sealed class ComposedEnvironmentTests
{
    private static void PaymentProvider(WireMockServer server) =>
        server.Given(Request.Create().UsingPost().WithPath("/payments"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { status = "captured" }));

    [Test]
    public async Task StartAsync_PostgresAndAStubOnly_StartsOneContainerAndRefusesWhatWasLeftOut()
    {
        var options = EnvironmentOptions.FromSettings();
        options.Redis = false;
        options.DownstreamStub = PaymentProvider;

        await using var env = await PerfEnvironment.StartAsync(options);
        using var http = new HttpClient { BaseAddress = env.DownstreamBaseUrl };
        using var paid = await http.PostAsync(new Uri("payments", UriKind.Relative), new StringContent("{}"));
        env.Faults.Apply(Fault.ErrorRatio(503, 1.0));
        using var failed = await http.PostAsync(new Uri("payments", UriKind.Relative), new StringContent("{}"));
        using var docker = new DockerApiClient(env.DockerEndpoint!, TimeSpan.FromSeconds(30));
        var containers = await docker.ListContainerIdsAsync(ContainerFactory.SessionLabel, env.SessionId, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(containers, Has.Count.EqualTo(1), "only PostgreSQL was asked for");
            Assert.That(env.PostgresConnectionString, Does.Contain("Host="));
            Assert.That(() => env.RedisConnectionString, Throws.InvalidOperationException.With.Message.Contains("no Redis").And.Message.Contains("Redis = true"));
            Assert.That(env.RedisContainer, Is.Null);
            Assert.That(paid.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the user's own mapping answers");
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "faults apply in front of the user's mappings");
            Assert.That(env.Faults.Timeline.Entries, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task StartAsync_NoStub_DownstreamAndFaultsSayHowToGetOne()
    {
        var options = EnvironmentOptions.FromSettings();
        options.Postgres = false;
        options.Redis = false;

        await using var env = await PerfEnvironment.StartAsync(options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => env.DownstreamBaseUrl, Throws.InvalidOperationException.With.Message.Contains("DownstreamStub"));
            Assert.That(() => env.Faults, Throws.InvalidOperationException.With.Message.Contains("EnvironmentOptions.DownstreamStub"));
            Assert.That(env.DockerEndpoint, Is.Null, "no container asked for: the runtime is not even probed");
        }
    }

    [Test]
    public void DownstreamStub_MappingThrows_ServerIsStoppedAndTheErrorSurfaces() =>
        Assert.That(() => DownstreamStub.Start(_ => throw new InvalidOperationException("bad mapping")),
            Throws.InvalidOperationException.With.Message.EqualTo("bad mapping"));

    [Test]
    public async Task DownstreamStub_OnItsOwn_AnswersOnLoopbackUntilDisposed()
    {
        var stub = DownstreamStub.Start(PaymentProvider);
        using var http = new HttpClient { BaseAddress = stub.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        using var answer = await http.PostAsync(new Uri("payments", UriKind.Relative), new StringContent("{}"));
        stub.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stub.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(async () => await http.PostAsync(new Uri("payments", UriKind.Relative), new StringContent("{}")), Throws.InstanceOf<HttpRequestException>());
        }
    }

    [Test]
    public void ExternalMode_OnlyTheServicesAskedFor_AreRequired()
    {
        var options = new EnvironmentOptions { Mode = EnvironmentMode.External, Redis = false, ExternalPostgresConnectionString = "Host=db" };

        Assert.That(options.Validate(), Is.Empty);
    }
}
