using PerfTests.Containers;
using PerfTests.Containers.Runtime;

namespace Integration.Tests.Containers;

[Category("Integration")]
[NonParallelizable] // changes DOCKER_HOST of the process for one test
public sealed class RuntimeDetectionTests
{
    [Test]
    public async Task StartAsync_DockerHostSocketMissing_ThrowsOneMessageNamingTheSetupScript()
    {
        var previous = System.Environment.GetEnvironmentVariable("DOCKER_HOST");
        System.Environment.SetEnvironmentVariable("DOCKER_HOST", "unix:///nonexistent/perftests-no-runtime.sock");
        try
        {
            var error = await Assert.ThrowsAsync<ContainerRuntimeUnavailableException>(
                async () => await PerfEnvironment.StartAsync(EnvironmentOptions.FromSettings()));

            using (Assert.EnterMultipleScope())
            {
                Assert.That(error!.Message, Does.Contain("scripts/setup-containers.sh"));
                Assert.That(error.Message, Does.Contain("unix:///nonexistent/perftests-no-runtime.sock"));
                Assert.That(error.Message, Does.Contain("socket file does not exist"));
                Assert.That(error.InnerException, Is.Null, "one message, no nested Testcontainers error");
            }
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("DOCKER_HOST", previous);
        }
    }

    [Test]
    public async Task EnsureAvailable_PathIsNotASocket_ThrowsWithTheConnectError()
    {
        var notASocket = Path.GetTempFileName();
        try
        {
            var endpoint = "unix://" + notASocket;

            var error = await Assert.ThrowsAsync<ContainerRuntimeUnavailableException>(
                async () => await ContainerRuntimeProbe.EnsureAvailableAsync(name => name == "DOCKER_HOST" ? endpoint : null, CancellationToken.None));

            Assert.That(error!.Endpoint, Is.EqualTo(endpoint));
        }
        finally
        {
            File.Delete(notASocket);
        }
    }

    [Test]
    public async Task EnsureAvailable_RunningRuntime_ReturnsTheEndpoint()
    {
        var expected = EnvironmentSetUp.Current.DockerEndpoint;

        var endpoint = await ContainerRuntimeProbe.EnsureAvailableAsync(System.Environment.GetEnvironmentVariable, CancellationToken.None);

        Assert.That(endpoint, Is.EqualTo(expected));
    }
}
