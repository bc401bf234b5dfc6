namespace PerfTests.Containers.Faults;

/// <summary>Kind of change recorded on the <see cref="FaultTimeline"/>.</summary>
public enum FaultChange
{
    /// <summary>A fault became active.</summary>
    Applied,

    /// <summary>A fault stopped.</summary>
    Removed,

    /// <summary>All faults stopped at once.</summary>
    Cleared,
}
