using PerfTests.Exporters.Summary;

namespace Harness.Tests.Exporters;

[TestFixture]
internal sealed class SummaryFileTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "perftests-summary-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public void Append_MissingFolderAndFile_CreatesThemThenAppends()
    {
        var path = Path.Combine(_dir, "a", "summary.md");

        SummaryFile.Append(path, "one\n");
        SummaryFile.Append(path, "two\n");

        Assert.That(File.ReadAllText(path), Is.EqualTo("one\ntwo\n"));
    }

    [Test]
    public void Append_ManyWritersAtOnce_EverySectionIntactAndComplete()
    {
        var path = Path.Combine(_dir, "summary.md");
        // Sections larger than the write buffer, from several threads: none may be split or lost.
        var sections = Enumerable.Range(0, 16).Select(i => string.Concat(Enumerable.Repeat($"writer {i:00} line\n", 2_000))).ToArray();

        Parallel.ForEach(sections, new ParallelOptions { MaxDegreeOfParallelism = 8 }, section => SummaryFile.Append(path, section));

        var text = File.ReadAllText(path);
        Assert.Multiple(() =>
        {
            Assert.That(text, Has.Length.EqualTo(sections.Sum(s => s.Length)));
            foreach (var section in sections)
            {
                Assert.That(text, Does.Contain(section), "a section was split by another writer");
            }
        });
    }
}
