namespace PerfTests.Failover.Measurement;

/// <summary>A write the system under test acknowledged (answered with success).</summary>
/// <param name="Sequence">The drill's own unique number for the record (never reused, unlike database ids after a failover).</param>
/// <param name="Key">The unique value written (e.g. an e-mail address), used to find the record afterwards.</param>
/// <param name="SystemId">The id the system returned, for the report (may be reissued by a promoted standby).</param>
/// <param name="AcknowledgedAt">When the acknowledgement arrived (drill clock).</param>
public sealed record AcknowledgedWrite(long Sequence, string Key, long? SystemId, DateTimeOffset AcknowledgedAt);
