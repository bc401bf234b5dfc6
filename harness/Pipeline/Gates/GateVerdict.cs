namespace PerfTests.Gates;

/// <summary>How one gate judged a run.</summary>
public enum GateVerdict
{
    /// <summary>Nothing to judge (no budget, no baseline given, no load run).</summary>
    Skipped,

    /// <summary>Within every limit.</summary>
    Passed,

    /// <summary>Past a warn limit: reported, the test does not fail.</summary>
    Warned,

    /// <summary>A failure that is reported but not enforced (a baseline gate in report mode, a run with faults).</summary>
    Reported,

    /// <summary>Failed: the test fails, with this gate's message.</summary>
    Failed,
}
