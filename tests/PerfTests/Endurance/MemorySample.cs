namespace PerfTests.Suites.Endurance;

/// <summary>One memory reading of the test process (which hosts both the portal and the load engine).</summary>
/// <param name="At">Time since sampling began.</param>
/// <param name="GcHeapBytes">Managed heap size after the last GC (<c>GCMemoryInfo.HeapSizeBytes</c>).</param>
/// <param name="TotalAllocatedLiveBytes"><c>GC.GetTotalMemory</c>: live estimate; after a forced collection when <paramref name="Settled"/>.</param>
/// <param name="WorkingSetBytes">Process working set.</param>
/// <param name="Settled">True when a full blocking collection ran just before the reading: only these judge leaks.</param>
internal sealed record MemorySample(TimeSpan At, long GcHeapBytes, long TotalAllocatedLiveBytes, long WorkingSetBytes, bool Settled);
