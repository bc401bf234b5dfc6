namespace PerfTests.Reporting.Model;

/// <summary>A set-up ("before") or tear-down ("after") run, listed in a container.</summary>
internal sealed class FixtureResult : ExecutableItem;
