namespace PerfTests.Load.Results;

/// <summary>
/// One second of a run (after warm-up). Percentiles are null when the second had no samples.
/// </summary>
/// <param name="Second">Seconds since the measured part of the run began (1 = the first second).</param>
/// <param name="Requests">Iterations finished in this second (ok + failed).</param>
/// <param name="Failures">Failed iterations finished in this second.</param>
/// <param name="Dropped">Arrivals dropped in this second for lack of capacity (open model).</param>
/// <param name="Bytes">Bytes reported by steps in this second.</param>
/// <param name="P50Us">Median latency (µs, corrected) of this second.</param>
/// <param name="P95Us">95th percentile (µs, corrected) of this second.</param>
/// <param name="P99Us">99th percentile (µs, corrected) of this second.</param>
public sealed record TimelinePoint(
    int Second, long Requests, long Failures, long Dropped, long Bytes, double? P50Us, double? P95Us, double? P99Us);
