namespace PerfTests.Analysis.Interleaved;

/// <summary>Order of the runs within the rounds of an interleaved comparison.</summary>
public enum AbOrder
{
    /// <summary>A, B, A, B, ...: every round starts with the baseline.</summary>
    Alternate,

    /// <summary>
    /// A, B, B, A, A, B, ...: the first run alternates between rounds, so a steady drift of the
    /// machine (warming, throttling, a growing database) favours neither build.
    /// </summary>
    Balanced,
}
