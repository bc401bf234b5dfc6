namespace PerfTests;

/// <summary>What a regression against a saved baseline does to the test (run setting <c>BaselineGate</c>).</summary>
public enum BaselineGateMode
{
    /// <summary>A regressed comparison fails the test (default).</summary>
    Fail,

    /// <summary>The comparison is attached and summarised, never failed: for runners too noisy to trust one run against another.</summary>
    Report,
}
