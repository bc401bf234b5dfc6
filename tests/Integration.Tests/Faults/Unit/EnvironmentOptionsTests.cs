using PerfTests.Suites.Infrastructure;
using PerfTests;
using PerfTests.Containers;
using PerfTests.Containers.Runtime;

namespace Integration.Tests.Unit.Faults;

[Category("Unit")]
public sealed class EnvironmentOptionsTests
{
    private static EnvironmentOptions FromVariables(Func<string, string?> variables) =>
        EnvironmentOptions.FromSettings(PerfSettings.Read(_ => null, variables));

    [Test]
    public void FromSettings_NothingSet_UsesPublicImagesInContainersMode()
    {
        var options = FromVariables(_ => null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Mode, Is.EqualTo(EnvironmentMode.Containers));
            Assert.That(options.PostgresImage, Is.EqualTo("postgres:16-alpine"));
            Assert.That(options.RedisImage, Is.EqualTo("redis:7-alpine"));
            Assert.That(options.Validate(), Is.Empty);
        }
    }

    [Test]
    public void FromSettings_ImagesSet_UsesThem()
    {
        var options = FromVariables(name => name switch
        {
            "PERF_POSTGRES_IMAGE" => "localhost/perftests/postgres:15",
            "PERF_REDIS_IMAGE" => " localhost/perftests/redis:7 ",
            _ => null,
        });

        Assert.That((options.PostgresImage, options.RedisImage), Is.EqualTo(("localhost/perftests/postgres:15", "localhost/perftests/redis:7")));
    }

    [TestCase("PERF_ENVIRONMENT", "staging")]
    [TestCase("PERF_DOWNSTREAM_URL", "not a url")]
    [TestCase("PERF_FAULT_SEED", "abc")]
    public void FromSettings_BadValue_ThrowsNamingTheVariable(string name, string value) =>
        Assert.That(
            () => FromVariables(n => n == name ? value : null),
            Throws.TypeOf<PerfSettingsException>().With.Message.Contains(name).And.Message.Contains(value));

    [Test]
    public void FromSettings_ImagesInTheSettingsFile_AreUsedUnlessAVariableSetsThem()
    {
        var home = Directory.CreateTempSubdirectory("perftests-home-");
        try
        {
            File.WriteAllText(Path.Combine(home.FullName, ".perftests.properties"),
                "# written by set-up\nPostgresImage = localhost/perftests/postgres:15\nRedisImage=localhost/perftests/redis:7\n");
            var fromFile = EnvironmentOptions.FromSettings(PerfSettings.Read(_ => null, _ => null, home.FullName));
            var overridden = EnvironmentOptions.FromSettings(
                PerfSettings.Read(_ => null, n => n == "PERF_REDIS_IMAGE" ? "redis:7-alpine" : null, home.FullName));

            using (Assert.EnterMultipleScope())
            {
                Assert.That((fromFile.PostgresImage, fromFile.RedisImage), Is.EqualTo(("localhost/perftests/postgres:15", "localhost/perftests/redis:7")));
                Assert.That(overridden.RedisImage, Is.EqualTo("redis:7-alpine"));
            }
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Test]
    public void Validate_ContainersModeWithEmptyValues_ReportsEveryProblem()
    {
        var options = new EnvironmentOptions { PostgresImage = "", RedisImage = " ", PostgresPassword = "", StartTimeout = TimeSpan.Zero };

        Assert.That(options.Validate(), Has.Count.EqualTo(4));
    }

    [Test]
    public void ResolveDockerEndpoint_DockerHostSet_WinsOverDefault() =>
        Assert.That(
            DockerEndpoint.Resolve(n => n == "DOCKER_HOST" ? "unix:///run/podman/podman.sock" : null, userHome: null),
            Is.EqualTo("unix:///run/podman/podman.sock"));

    [Test]
    public void ResolveDockerEndpoint_NothingSet_IsTheDockerDefaultSocket() =>
        Assert.That(DockerEndpoint.Resolve(_ => null, userHome: null), Is.EqualTo("unix:///var/run/docker.sock"));

    [Test]
    public void PriceFor_SameSymbolAnyCase_SameStablePriceInRange()
    {
        var price = MarketPricesStub.PriceFor("ACME");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MarketPricesStub.PriceFor("acme"), Is.EqualTo(price));
            Assert.That(price, Is.InRange(10m, 999.99m));
            Assert.That(MarketPricesStub.PriceFor("INIT"), Is.Not.EqualTo(price));
        }
    }
}
