namespace PerfTests.Analysis.Interleaved;

/// <summary>Which build a run of an interleaved A/B comparison measured.</summary>
public enum AbArm
{
    /// <summary>A: the baseline build.</summary>
    Baseline,

    /// <summary>B: the candidate build.</summary>
    Candidate,
}
