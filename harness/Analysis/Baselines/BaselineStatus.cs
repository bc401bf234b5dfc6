namespace PerfTests.Analysis.Baselines;

/// <summary>Overall outcome of checking one test's run against its baseline (see <see cref="BaselineGate"/>).</summary>
public enum BaselineStatus
{
    /// <summary>No baseline folder was given, or it holds no summary of this test: budgets only.</summary>
    NoBaseline,

    /// <summary>A baseline exists but cannot be compared (unreadable, other interval length).</summary>
    NotComparable,

    /// <summary>Every scenario had too few intervals on one side: no decision.</summary>
    NotEnoughData,

    /// <summary>No scenario regressed or improved.</summary>
    Same,

    /// <summary>At least one scenario improved and none regressed.</summary>
    Improved,

    /// <summary>At least one scenario regressed: the gate fails.</summary>
    Regressed,
}
