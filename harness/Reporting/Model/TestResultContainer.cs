namespace PerfTests.Reporting.Model;

/// <summary>The content of one <c>{uuid}-container.json</c>: fixtures shared by the child results.</summary>
internal sealed class TestResultContainer
{
    public required string Uuid { get; init; }

    public string? Name { get; set; }

    /// <summary>Result uuids this container's befores and afters apply to.</summary>
    public List<string> Children { get; init; } = [];

    public List<FixtureResult> Befores { get; init; } = [];

    public List<FixtureResult> Afters { get; init; } = [];

    /// <summary>Epoch milliseconds.</summary>
    public long Start { get; set; }

    /// <summary>Epoch milliseconds.</summary>
    public long Stop { get; set; }
}
