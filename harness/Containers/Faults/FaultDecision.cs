namespace PerfTests.Containers.Faults;

/// <summary>What the middleware does to one request: wait <see cref="Delay"/>, then apply <see cref="Action"/> (null = answer normally).</summary>
internal readonly record struct FaultDecision(TimeSpan Delay, Fault? Action)
{
    internal static readonly FaultDecision None = new(TimeSpan.Zero, null);
}
