using System.Collections.Concurrent;
using PerfTests.Reporting.Environment;
using PerfTests.Reporting.Model;
using PerfTests.Reporting.Writing;

namespace PerfTests.Reporting.Context;

/// <summary>
/// Tracks running tests and open steps, and writes each test's files when it stops. Safe under
/// parallel tests: tests are keyed (NUnit test id), steps live in an AsyncLocal stack.
/// </summary>
internal sealed partial class AllureLifecycle
{
    private readonly ConcurrentDictionary<string, TestRecord> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _finished = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TestResultContainer> _containers = new(StringComparer.Ordinal);
    private readonly AsyncLocal<TestRecord?> _currentTest = new();
    private readonly AsyncLocal<StepFrame?> _currentStep = new();
    private readonly Func<string?> _currentTestKey;
    private readonly Func<string, string?> _getEnv;
    private readonly TimeProvider _time;
    private int _runFilesWritten;

    /// <param name="writer">Where files go.</param>
    /// <param name="time">Clock for start/stop times.</param>
    /// <param name="currentTestKey">Key of the test running on the calling flow (NUnit's test id), or null.</param>
    /// <param name="getEnv">Environment variable reader, for environment.properties and executor.json.</param>
    public AllureLifecycle(
        AllureResultsWriter writer,
        TimeProvider time,
        Func<string?>? currentTestKey = null,
        Func<string, string?>? getEnv = null)
    {
        Writer = writer;
        _time = time;
        _currentTestKey = currentTestKey ?? (() => null);
        _getEnv = getEnv ?? System.Environment.GetEnvironmentVariable;
    }

    public AllureResultsWriter Writer { get; }

    /// <summary>Logs problems from the static API (no current test and the like).</summary>
    public Action<string> Log { get; init; } = message => Console.Error.WriteLine(message);

    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Registers a test as running; the result's start time is set now.</summary>
    public TestRecord StartTest(string key, string containerKey, TestResult result)
    {
        EnsureRunFilesWritten();
        result.Start = NowMs;
        var record = new TestRecord(key, containerKey, result);
        _running[key] = record;
        _currentTest.Value = record;
        _currentStep.Value = null;
        return record;
    }

    /// <summary>The test running on this flow, or null outside a recorded test.</summary>
    public TestRecord? Current
    {
        get
        {
            var key = _currentTestKey();
            if (key is not null && _running.TryGetValue(key, out var byKey))
            {
                return byKey;
            }

            var local = _currentTest.Value;
            return local is not null && _running.ContainsKey(local.Key) ? local : null;
        }
    }

    /// <summary>
    /// Ends a test: sets status and stop time, computes stable ids, writes result, perf metrics and
    /// container. Returns false when any file failed (already logged); never throws for I/O.
    /// </summary>
    public bool StopTest(string key, AllureStatus status, StatusDetails? details)
    {
        if (!_running.TryRemove(key, out var record))
        {
            return false;
        }

        _finished.TryAdd(key, 0);
        if (ReferenceEquals(_currentTest.Value, record))
        {
            _currentTest.Value = null;
            _currentStep.Value = null;
        }

        return Finish(record, status, details);
    }

    /// <summary>
    /// Writes a result for a test that never started (ignored, or its fixture's OneTimeSetUp failed),
    /// once per key; false when the key was already recorded.
    /// </summary>
    public bool WriteNotStarted(string key, string containerKey, TestResult result, AllureStatus status, StatusDetails? details)
    {
        if (_running.ContainsKey(key) || !_finished.TryAdd(key, 0))
        {
            return false;
        }

        EnsureRunFilesWritten();
        result.Start = NowMs;
        return Finish(new TestRecord(key, containerKey, result), status, details);
    }

    private bool Finish(TestRecord record, AllureStatus status, StatusDetails? details)
    {
        var result = record.Result;
        PerfMetric[] metrics;
        lock (record.Sync)
        {
            result.Status = status;
            result.StatusDetails = details;
            result.Stop = Math.Max(NowMs, result.Start);
            result.TestCaseId = HistoryIds.TestCaseId(result.FullName);
            result.HistoryId = HistoryIds.HistoryId(result.FullName, result.Parameters);
            metrics = [.. record.Metrics];
        }

        // Each file on its own: one failing write must not stop the others.
        var ok = Writer.WriteResult(result);
        ok &= Writer.WritePerfMetrics(result.Uuid, metrics);
        ok &= WriteContainer(record);
        return ok;
    }

    private bool WriteContainer(TestRecord record)
    {
        var container = _containers.GetOrAdd(record.ContainerKey, name => new TestResultContainer
        {
            Uuid = Guid.NewGuid().ToString(),
            Name = name,
            Start = record.Result.Start,
        });

        // Rewritten after each child: the fixture's end is not visible to a per-test action.
        lock (container)
        {
            container.Children.Add(record.Result.Uuid);
            container.Start = Math.Min(container.Start, record.Result.Start);
            container.Stop = Math.Max(container.Stop, record.Result.Stop);
            return Writer.WriteContainer(container);
        }
    }

    /// <summary>environment.properties, executor.json and categories.json, once per lifecycle.</summary>
    private void EnsureRunFilesWritten()
    {
        if (Interlocked.Exchange(ref _runFilesWritten, 1) == 1)
        {
            return;
        }

        Writer.WriteEnvironment(RunEnvironment.Collect(_getEnv, Directory.GetCurrentDirectory()));
        var executor = ExecutorInfo.FromGitHub(_getEnv);
        if (executor is not null)
        {
            Writer.WriteExecutor(executor);
        }

        Writer.WriteCategories(DefaultCategories.All);
    }
}
