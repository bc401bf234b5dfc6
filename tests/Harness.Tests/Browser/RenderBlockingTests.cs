using PerfTests.Browser;

namespace Harness.Tests.Browser;

public sealed class RenderBlockingTests
{
    private static readonly string[] BlockingUrls = ["/app.css", "/config.js"];

    private static readonly ResourceEntry Document = new("http://127.0.0.1/", "navigation", 1000) { StartTime = 0, ResponseEnd = 600 };

    private static ResourceEntry Resource(string url, bool blocking, double start, double end, double bytes = 2048) =>
        new(url, "link", bytes) { StartTime = start, ResponseEnd = end, RenderBlocking = blocking };

    [Test]
    public void Resources_KeepsBlockingOnesFetchedBeforeFcp()
    {
        ResourceEntry[] resources =
        [
            Document, Resource("/app.css", true, 620, 1200), Resource("/config.js", true, 630, 1250, 400),
            Resource("/app.js", false, 630, 1300), Resource("/late.css", true, 2000, 2100),
        ];

        var blocking = RenderBlocking.Resources(resources, 1400);
        Assert.Multiple(() =>
        {
            Assert.That(blocking.Select(b => b.Url), Is.EqualTo(BlockingUrls));
            Assert.That(blocking.Sum(b => b.TransferSize), Is.EqualTo(2448));
            Assert.That(RenderBlocking.WaitMs(blocking, resources, 1400), Is.EqualTo(650), "the paint waited from the document's end (600) to the last blocking end (1250)");
        });
    }

    [Test]
    public void WaitMs_BlockingEndsAfterFcp_CountsOnlyUntilFcp()
    {
        ResourceEntry[] resources = [Document, Resource("/slow.css", true, 620, 5000)];
        Assert.That(RenderBlocking.WaitMs(RenderBlocking.Resources(resources, 1000), resources, 1000), Is.EqualTo(400));
    }

    [Test]
    public void WaitMs_NothingBlocks_IsZero()
    {
        ResourceEntry[] resources = [Document, Resource("/app.js", false, 620, 900)];
        Assert.That(RenderBlocking.WaitMs(RenderBlocking.Resources(resources, 1000), resources, 1000), Is.Zero);
    }
}
