namespace PerfTests.Load.Running;

/// <summary>
/// Watches a scenario's first iterations: when the first <see cref="LoadRunnerOptions.FailFastAfter"/>
/// of them (or every one in the first <see cref="LoadRunnerOptions.FailFastWithin"/>) failed without
/// reaching the target, the run stops at once, naming the first error and its URL. One iteration that
/// reaches the target (an answer, even an error status) ends the watch for the rest of the run.
/// </summary>
internal sealed class FailFastWatch(string scenario, LoadRunnerOptions options, RunAbort abort, long startTicks)
{
    private readonly Lock _sync = new();
    private bool _decided = options.FailFastAfter <= 0;
    private int _unreachable;
    private string? _first;

    public void Observe(bool unreachable, string? message, long nowTicks)
    {
        if (Volatile.Read(ref _decided))
        {
            return;
        }

        string? reason = null;
        lock (_sync)
        {
            if (_decided)
            {
                return;
            }

            if (!unreachable)
            {
                _decided = true;
                return;
            }

            _unreachable++;
            _first ??= message ?? "no message";
            var elapsed = TimeSpan.FromSeconds((nowTicks - startTicks) / (double)options.TimeProvider.TimestampFrequency);
            if (_unreachable >= options.FailFastAfter || elapsed >= options.FailFastWithin)
            {
                _decided = true;
                reason = $"the target is unreachable: the first {_unreachable} request(s) of '{scenario}' in {elapsed.TotalSeconds:0.0} s " +
                    $"all failed to connect; the first: {_first}";
            }
        }

        if (reason is not null)
        {
            abort.Abort(reason, targetUnreachable: true);
        }
    }
}
