namespace PerfTests;

/// <summary>The verdict of a whole performance test, from all its gates.</summary>
public enum PerfVerdict
{
    /// <summary>Every gate passed or had nothing to judge.</summary>
    Passed,

    /// <summary>No gate failed; at least one is past a warn limit.</summary>
    Warned,

    /// <summary>At least one gate failed.</summary>
    Failed,

    /// <summary>
    /// A budget breached only while the machine was busy or the run never got steady, and not in most
    /// of its steady windows: the environment, not the code, may have made it slow (also after the reruns).
    /// </summary>
    Inconclusive,
}
