namespace PerfTests;

/// <summary>
/// The system a performance test sends load to: either hosted in-process on real Kestrel
/// (<c>KestrelApplicationFactory</c> in PerfTests.Hosting) or already running elsewhere
/// (<see cref="ExternalSystemUnderTest"/>). Dispose to stop a hosted system.
/// </summary>
public interface ISystemUnderTest : IAsyncDisposable
{
    /// <summary>Root URL of the system, ending with "/", e.g. http://127.0.0.1:41234/.</summary>
    Uri BaseAddress { get; }
}
