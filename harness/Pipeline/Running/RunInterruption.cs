using System.Runtime.InteropServices;

namespace PerfTests;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGHUP to the test host stop the performance test in flight instead of
/// killing the host mid-load: its load is cancelled, what it measured is reported, its result says it
/// was interrupted, its fixture tears containers and processes down, and every later test ends at once.
/// If the host has not ended <see cref="Grace"/> after the signal, it exits anyway.
/// </summary>
internal static class RunInterruption
{
    /// <summary>How long the host may take to report and tear down after a signal.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    private static readonly CancellationTokenSource Source = new();
    private static readonly Lock Sync = new();
    private static List<PosixSignalRegistration>? _registrations;
    private static string? _signal;

    /// <summary>Cancelled once a stop signal arrived.</summary>
    public static CancellationToken Token => Source.Token;

    /// <summary>The signal that stopped the run (e.g. "SIGTERM"), or null.</summary>
    public static string? Signal => Volatile.Read(ref _signal);

    /// <summary>Installs the handlers (once per process; not on Windows, where Ctrl+C stays the runner's).</summary>
    public static void Install()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        lock (Sync)
        {
            _registrations ??= [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];
        }
    }

    private static void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _signal, context.Signal.ToString().ToUpperInvariant(), null) is not null)
        {
            return; // A second signal: the default action (terminate) applies.
        }

        context.Cancel = true;
        Source.Cancel();
        // Teardown gets its grace period; a host that hangs in it still ends.
        _ = Task.Delay(Grace).ContinueWith(_ => System.Environment.Exit(128 + (int)(context.Signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGHUP => 1,
            _ => 15,
        })), TaskScheduler.Default);
    }
}
