using System.Runtime.InteropServices;

namespace PerfTests.Load.Running;

/// <summary>
/// Counters of one stripe. Padded to its own cache lines so stripes written by different
/// workers do not slow each other down (false sharing).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct StripeCounters
{
    [FieldOffset(64)]
    public long Ok;

    [FieldOffset(72)]
    public long Fail;

    [FieldOffset(80)]
    public long Bytes;
}
