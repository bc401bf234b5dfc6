using PerfTests.Browser;

namespace Harness.Tests.Browser;

[TestFixture]
public sealed class LabConditionsTests
{
    [Test]
    public void ParseScenario_PlainName_IsDesktop()
    {
        Assert.That(LabConditions.ParseScenario("clients"), Is.EqualTo(("clients", LabConditions.Desktop)));
    }

    [Test]
    public void ParseScenario_WithConditions_SelectsTheProfile()
    {
        Assert.That(LabConditions.ParseScenario("dashboard@Slow-4G"), Is.EqualTo(("dashboard", LabConditions.Slow4G)));
    }

    [Test]
    public void ParseScenario_UnknownConditions_ListsKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => LabConditions.ParseScenario("dashboard@5g"));
        Assert.That(ex!.Message, Does.Contain("unknown lab conditions '5g'").And.Contain("desktop, slow-4g"));
    }

    [Test]
    public void Slow4G_CdpValues_FollowLighthouseDevtoolsThrottling()
    {
        var network = NetworkProfile.Slow4G;

        Assert.That(network.RequestLatencyMs, Is.EqualTo(562.5));
        Assert.That(network.DownloadBytesPerSecond, Is.EqualTo(1.6 * 1024 * 0.9 * 1024 / 8).Within(1e-6));
        Assert.That(LabConditions.Slow4G.CpuSlowdown, Is.EqualTo(4));
    }
}
