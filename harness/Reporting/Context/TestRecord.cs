using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Context;

/// <summary>
/// One running test: its result being built, plus metrics. Parallel steps of the same test may add
/// to it at once, so every mutation goes through <see cref="Sync"/>.
/// </summary>
internal sealed class TestRecord(string key, string containerKey, TestResult result)
{
    public string Key { get; } = key;

    /// <summary>Tests with the same container key (the fixture class) share one container file.</summary>
    public string ContainerKey { get; } = containerKey;

    public TestResult Result { get; } = result;

    public List<PerfMetric> Metrics { get; } = [];

    public Lock Sync { get; } = new();
}
