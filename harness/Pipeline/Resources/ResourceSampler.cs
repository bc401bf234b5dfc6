namespace PerfTests.Resources;

/// <summary>
/// Polls every <see cref="IResourceSource"/> at a fixed interval on one timeline, from
/// <see cref="Start"/> to <see cref="StopAsync"/>. A source that throws or exceeds its timeout
/// is recorded once in <see cref="ResourceReport.Errors"/> and skipped afterwards: a broken
/// metrics source never fails the run it observes.
/// </summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    /// <summary>Default sampling interval: 1 s.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    /// <summary>Default time one source may take for one sample before it counts as failed: 5 s.</summary>
    public static readonly TimeSpan DefaultSourceTimeout = TimeSpan.FromSeconds(5);

    private readonly IResourceSource[] _sources;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _sourceTimeout;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly DateTimeOffset _startedAt;
    private readonly Dictionary<string, List<ResourcePoint>> _series = new(StringComparer.Ordinal);
    private readonly List<ResourceSourceError> _errors = [];
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private ResourceReport? _report;

    private ResourceSampler(IResourceSource[] sources, TimeSpan interval, TimeSpan sourceTimeout, TimeProvider time)
    {
        _sources = sources;
        _interval = interval;
        _sourceTimeout = sourceTimeout;
        _time = time;
        _startTimestamp = time.GetTimestamp();
        _startedAt = time.GetUtcNow();
    }

    /// <summary>Number of sampling rounds completed so far (every source polled once per round).</summary>
    public int Rounds { get; private set; }

    /// <summary>Starts sampling at once (first round immediately, then every <paramref name="interval"/>).</summary>
    /// <param name="sources">Sources to poll; names must be unique.</param>
    /// <param name="interval">Sampling interval; default <see cref="DefaultInterval"/> (1 s).</param>
    /// <param name="timeProvider">Clock for the interval and the timeline; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="sourceTimeout">Longest one sample of one source may take; default <see cref="DefaultSourceTimeout"/> (5 s).</param>
    public static ResourceSampler Start(
        IEnumerable<IResourceSource> sources, TimeSpan? interval = null, TimeProvider? timeProvider = null, TimeSpan? sourceTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToArray();
        var duplicate = list.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two resource sources are named '{duplicate.Key}'.", nameof(sources));
        }

        var period = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero, nameof(interval));
        var sampler = new ResourceSampler(list, period, sourceTimeout ?? DefaultSourceTimeout, timeProvider ?? TimeProvider.System);
        sampler._loop = Task.Run(sampler.LoopAsync);
        return sampler;
    }

    /// <summary>Stops sampling and returns everything recorded; later calls return the same report.</summary>
    public async Task<ResourceReport> StopAsync()
    {
        if (_report is not null)
        {
            return _report;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _report = new ResourceReport(
            _startedAt,
            _interval,
            _series.ToDictionary(s => s.Key, s => (IReadOnlyList<ResourcePoint>)s.Value.ToArray(), StringComparer.Ordinal),
            _errors.ToArray());
        return _report;
    }

    /// <summary>Stops sampling if still running.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                await SampleRoundAsync().ConfigureAwait(false);
                Rounds++;
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: the report holds every completed round.
        }
    }

    private async Task SampleRoundAsync()
    {
        foreach (var source in _sources)
        {
            if (_failed.Contains(source.Name))
            {
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(_sourceTimeout);
            IReadOnlyDictionary<string, double> values;
            try
            {
                values = await source.SampleAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception error)
            {
                var message = error is OperationCanceledException ? $"no answer within {_sourceTimeout.TotalSeconds:0.#} s" : $"{error.GetType().Name}: {error.Message}";
                _failed.Add(source.Name);
                _errors.Add(new ResourceSourceError(source.Name, Elapsed(), message));
                continue;
            }

            Record(source.Name, values);
        }
    }

    private void Record(string source, IReadOnlyDictionary<string, double> values)
    {
        var offset = Elapsed();
        foreach (var (metric, value) in values)
        {
            // A source may not know a value yet (a ratio with no traffic): NaN is no point, not a zero.
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                continue;
            }

            var name = source + "." + metric;
            if (!_series.TryGetValue(name, out var points))
            {
                _series[name] = points = [];
            }

            points.Add(new ResourcePoint(offset, value));
        }
    }

    private TimeSpan Elapsed() => _time.GetElapsedTime(_startTimestamp);
}
