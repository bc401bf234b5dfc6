using PerfTests.Resources;

namespace Harness.Tests.Resources;

/// <summary>A source that returns scripted values (or throws) and signals each call, so tests can wait for a round.</summary>
internal sealed class FakeResourceSource(string name, Func<int, IReadOnlyDictionary<string, double>> sample) : IResourceSource, IDisposable
{
    private readonly SemaphoreSlim _sampled = new(0);

    public string Name => name;

    public int Calls { get; private set; }

    public ValueTask<IReadOnlyDictionary<string, double>> SampleAsync(CancellationToken cancellationToken)
    {
        var call = Calls++;
        try
        {
            return ValueTask.FromResult(sample(call));
        }
        finally
        {
            _sampled.Release();
        }
    }

    public void Dispose() => _sampled.Dispose();

    /// <summary>Waits for the next call; the timeout only guards against a hung test, it asserts nothing about time.</summary>
    public async Task WaitForSampleAsync()
    {
        if (!await _sampled.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"source '{name}' was not sampled");
        }
    }
}
