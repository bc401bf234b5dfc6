using PerfTests.Reporting.Model;
using PerfTests.Reporting.Writing;

namespace PerfTests.Reporting.Context;

/// <summary>
/// One Allure result recorded outside NUnit, by a command such as the shard merge: from
/// <see cref="Start"/> to <see cref="Stop"/>, <see cref="AllureContext"/> on this flow writes into it,
/// so the exporters a test uses report a command's result the same way. Dispose restores the previous
/// lifecycle. One at a time per process: <see cref="AllureContext"/>'s lifecycle is process-wide.
/// </summary>
internal sealed class StandaloneRecording : IDisposable
{
    private readonly AllureLifecycle _lifecycle;
    private readonly AllureLifecycle? _previous;
    private readonly string _key;

    private StandaloneRecording(string resultsDirectory, TestResult result, string container, Action<string> log)
    {
        _lifecycle = new AllureLifecycle(new AllureResultsWriter(resultsDirectory, log), TimeProvider.System) { Log = log };
        _previous = AllureContext.Lifecycle;
        AllureContext.Lifecycle = _lifecycle;
        _key = result.Uuid;
        _lifecycle.StartTest(_key, container, result);
    }

    /// <summary>Starts recording one result.</summary>
    /// <param name="resultsDirectory">The allure-results folder.</param>
    /// <param name="fullName">The result's full name (its test case and history ids are made from it).</param>
    /// <param name="name">The name shown.</param>
    /// <param name="labels">Allure labels (suite, subSuite, tag, ...) as name/value pairs.</param>
    /// <param name="log">Where a file that could not be written is reported.</param>
    public static StandaloneRecording Start(string resultsDirectory, string fullName, string name, IEnumerable<(string Name, string Value)> labels, Action<string> log)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resultsDirectory);
        var result = new TestResult { Uuid = Guid.NewGuid().ToString(), FullName = fullName, Name = name };
        result.Labels.AddRange(labels.Select(l => new Label(l.Name, l.Value)));
        result.Labels.Add(new("host", System.Environment.MachineName));
        result.Labels.Add(new("language", "csharp"));
        var split = fullName.LastIndexOf('.');
        return new StandaloneRecording(resultsDirectory, result, split > 0 ? fullName[..split] : fullName, log);
    }

    /// <summary>Ends the result with <paramref name="status"/> and writes its files; false when a file could not be written (logged).</summary>
    public bool Stop(AllureStatus status, string? message)
    {
        var details = string.IsNullOrEmpty(message) ? null : new StatusDetails { Message = message };
        return _lifecycle.StopTest(_key, status, details);
    }

    /// <summary>Restores the lifecycle that was current before <see cref="Start"/>.</summary>
    public void Dispose() => AllureContext.Lifecycle = _previous;
}
