using PerfTests.Browser;

namespace Harness.Tests.Browser;

[TestFixture]
public sealed class ChromiumLocatorTests
{
    [Test]
    public void Resolve_EnvironmentVariableSet_UsesIt()
    {
        var path = ChromiumLocator.Resolve(_ => "/opt/chrome/chrome", p => p == "/opt/chrome/chrome" || p == "/usr/bin/chromium");

        Assert.That(path, Is.EqualTo("/opt/chrome/chrome"));
    }

    [Test]
    public void Resolve_EnvironmentVariableNamesMissingFile_Throws()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => ChromiumLocator.Resolve(_ => "/nope/chrome", _ => false));
        Assert.That(ex!.Message, Does.Contain("PERF_CHROMIUM_PATH"));
    }

    [Test]
    public void Resolve_NoVariable_UsesDistributionChromium()
    {
        Assert.That(ChromiumLocator.Resolve(_ => null, p => p == "/usr/bin/chromium"), Is.EqualTo("/usr/bin/chromium"));
    }

    [Test]
    public void Resolve_NothingInstalled_FallsBackToPlaywrightBrowsers()
    {
        Assert.That(ChromiumLocator.Resolve(_ => null, _ => false), Is.Null);
    }
}
