using System.Runtime.ExceptionServices;
using NUnit.Framework;
using PerfTests.Analysis.Baselines;
using PerfTests.Exporters;
using PerfTests.Gates;
using PerfTests.Load.Http;
using PerfTests.Load.Results;
using PerfTests.Reporting.Context;
using PerfTests.Resources;

namespace PerfTests;

/// <summary>
/// One execution of a <see cref="PerfTest"/>, in the pipeline's fixed order: settings, budget and
/// target checked before any load; workloads with resources sampled; gates; exporters. A workload that
/// throws still gets its evidence judged and reported before the exception reaches the test.
/// </summary>
internal sealed class PerfRun(PerfTest test)
{
    public async Task<PerfResult> ExecuteAsync(CancellationToken callerToken)
    {
        RunInterruption.Install();
        var settings = test.Settings ?? PerfSettings.Current;
        // The caller's token, NUnit's (CancelAfter, a stopping runner), a stop signal and the test's own time limit.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(callerToken, TestContext.CurrentContext.CancellationToken, RunInterruption.Token);
        if (settings.TestTimeout is { } limit)
        {
            stop.CancelAfter(limit);
        }

        PerfResult result;
        try
        {
            result = await ExecuteAsync(settings, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (stop.IsCancellationRequested && ex is not AssertionException)
        {
            throw Stopped(settings, ex, callerToken, stop.Token);
        }

        // The report is written by now: the test ends broken (not failed), saying what stopped it.
        return stop.IsCancellationRequested ? throw Stopped(settings, null, callerToken, stop.Token) : result;
    }

    private static OperationCanceledException Stopped(PerfSettings settings, Exception? inner, CancellationToken callerToken, CancellationToken stop) =>
        new($"{StopReason(settings, callerToken)}; what it measured until then is reported.", inner, stop);

    private static string StopReason(PerfSettings settings, CancellationToken callerToken) =>
        RunInterruption.Signal is { } signal ? $"The test was interrupted by {signal}"
        : callerToken.IsCancellationRequested ? "The test was cancelled by its caller"
        : TestContext.CurrentContext.CancellationToken.IsCancellationRequested ? "The test was cancelled by NUnit (CancelAfter, or the runner stopping)"
        : $"The test was stopped by its time limit, TestTimeout = {settings.TestTimeout:c} (run parameter TestTimeout, PERF_TEST_TIMEOUT)";

    private async Task<PerfResult> ExecuteAsync(PerfSettings settings, CancellationToken cancellationToken)
    {
        // The edge: everything ambient is read here, once, and passed down.
        var identity = TestIdentity.Current;
        var testDirectory = TestContext.CurrentContext.TestDirectory ?? AppContext.BaseDirectory;
        // Secrets of the settings are masked in everything the run writes: output, report, summaries.
        Secrets.RegisterUrl(settings.TargetUrl);
        Secrets.RegisterUrl(settings.BaselineTargetUrl);
        Secrets.RegisterSettings(settings.CandidateSettings);
        Secrets.RegisterUrl(test.System?.BaseAddress);
        using var output = new ScrubbingWriter(TestContext.Out);
        using var progress = new ScrubbingWriter(TestContext.Progress);

        // Pre-run validation: a bad budget, a dead target or a start a day off fails before any load is sent.
        ShardStart.Check(settings, TimeProvider.System);
        var budget = test.BudgetName is { } name ? BudgetLocator.Load(name, settings, testDirectory, test.BudgetScopes) : null;
        var (system, named) = ResolveTarget(settings);
        using var client = CreateClient(settings, named);
        if (system is ExternalSystemUnderTest)
        {
            // Through the run's own pool: the same guard, and no redirect is followed off the named host.
            await SystemUnderTestProbe.EnsureReachableAsync(
                system.BaseAddress, settings.ReadinessPath, settings.ReadinessTimeout, requireSuccess: false, timeProvider: null,
                (url, ct) => client.RequestAsync(new HttpRequestMessage(HttpMethod.Get, url), ct), cancellationToken,
                SystemUnderTestProbe.RefusedLimit).ConfigureAwait(false);
        }

        var http = system is null ? null : new HttpTarget(client, system.BaseAddress);
        RecordParameters(settings, system);
        var context = new PerfRunContext(settings, identity, budget, http, uri => new HttpTarget(client, uri), test.Scaled, output, progress, cancellationToken);

        foreach (var setup in test.SetupSteps)
        {
            await AllureContext.StepAsync("setup", () => setup(context)).ConfigureAwait(false);
        }

        await ShardStart.WaitAsync(settings, TimeProvider.System, output, cancellationToken).ConfigureAwait(false);

        var sources = new List<IResourceSource> { ProcessResourceSource.ForTestProcess() };
        // A source of the test's own named "machine" (a runner that reads its cgroup, a test) replaces the /proc reading.
        if (OperatingSystem.IsLinux() && !test.ResourceSources.Any(s => s.Name == MachineResourceSource.SourceName))
        {
            sources.Add(MachineSource(system));
        }

        sources.AddRange(test.ResourceSources);
        PerfResult result;
        ExceptionDispatchInfo? failure;
        var earlier = new List<string>();
        try
        {
            while (true)
            {
                result = new PerfResult(test.Name, identity, settings) { BudgetFile = budget };
                failure = await MeasureAsync(context, result, sources).ConfigureAwait(false);
                Judge(result, output);
                result.EarlierAttempts = [.. earlier];
                // A breach the environment may have made is measured again: one that holds on a quiet rerun is a breach.
                if (failure is not null || result.Verdict != PerfVerdict.Inconclusive || earlier.Count >= settings.InconclusiveReruns || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                earlier.Add(Secrets.Scrub(result.InconclusiveMessage!));
                output.WriteLine($"Attempt {earlier.Count} was inconclusive; measuring again ({earlier.Count} of {settings.InconclusiveReruns} reruns).");
                context.Reset();
            }
        }
        finally
        {
            await DisposeAsync(sources).ConfigureAwait(false);
        }

        if (earlier.Count > 0)
        {
            // Shown with the result: the verdict is the last attempt's, and earlier ones are in its message.
            AllureContext.Parameter("attempts", earlier.Count + 1, excluded: true);
        }

        Export(result, progress);
        if (failure?.SourceException.ToString() is { } error && Secrets.Scrub(error) != error)
        {
            // The workload's own error carries a secret (a URL with its password): the test sees it masked.
            throw new InvalidOperationException(Secrets.Scrub($"{failure!.SourceException.GetType().Name}: {failure.SourceException.Message}"));
        }

        failure?.Throw();
        return result;
    }

    /// <summary>Runs the workloads with the resources sampled, and gathers what they measured; a workload's exception is returned, not thrown.</summary>
    private async Task<ExceptionDispatchInfo?> MeasureAsync(PerfRunContext context, PerfResult result, IReadOnlyList<IResourceSource> sources)
    {
        ExceptionDispatchInfo? failure = null;
        var sampler = ResourceSampler.Start(sources);
        try
        {
            foreach (var workload in test.Workloads)
            {
                await workload.RunAsync(context).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Rethrown by the caller, after what was gathered has been judged and reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }

        var resources = await sampler.StopAsync().ConfigureAwait(false);
        Gather(result, context.Freeze(), resources, result.Settings);
        return failure;
    }

    /// <summary>The machine; an external system under test listening on this machine is the run's own, not a neighbour.</summary>
    private static MachineResourceSource MachineSource(ISystemUnderTest? system)
    {
        var machine = MachineResourceSource.ForThisMachine();
        if (system is ExternalSystemUnderTest { BaseAddress: { IsLoopback: true } address } && ListeningProcess.Find(address.Port) is { } pid)
        {
            machine.AddOwnProcess(pid);
        }

        return machine;
    }

    private (ISystemUnderTest? System, IReadOnlyList<Uri> Named) ResolveTarget(PerfSettings settings)
    {
        var named = new List<Uri>();
        if (settings.BaselineTargetUrl is { } baseline)
        {
            named.Add(baseline);
        }

        // The run's TargetUrl wins over the target the test starts: "point the suite at a running system".
        if (settings.TargetUrl is { } url)
        {
            named.Add(url);
            return (new ExternalSystemUnderTest(url), named);
        }

        if (test.System is { } system)
        {
            named.Add(system.BaseAddress);
        }

        return (test.System, named);
    }

    private HttpStepClient CreateClient(PerfSettings settings, IReadOnlyList<Uri> named)
    {
        var options = new HttpStepOptions();
        foreach (var configure in test.HttpOptions)
        {
            configure(options);
        }

        // A host the user named (in the settings or the test) is allowed without a second list.
        foreach (var host in settings.AllowedHosts.Concat(named.Select(u => u.DnsSafeHost)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            options.AllowedHosts.Add(host);
        }

        return new HttpStepClient(options);
    }

    private void RecordParameters(PerfSettings settings, ISystemUnderTest? system)
    {
        AllureContext.Parameter("duration scale", test.Scaled ? settings.DurationScale : 1.0);
        if (system is not null)
        {
            // Excluded from the history id: an in-process target's port changes every run.
            AllureContext.Parameter("target", system.BaseAddress, excluded: true);
        }

        foreach (var (name, value, excluded) in test.Parameters)
        {
            AllureContext.Parameter(name, value, excluded);
        }
    }

    private static void Gather(PerfResult result, PerfRunContext.Evidence evidence, ResourceReport resources, PerfSettings settings)
    {
        var sampled = resources.Series.Count > 0 ? resources : null;
        var run = evidence.Runs.Count > 0 ? evidence.Runs[0] : null;
        result.Runs = evidence.Runs;
        result.Resources = sampled;
        result.Metrics = evidence.Metrics;
        result.UnmetExpectations = evidence.Unmet;
        result.HasFaults = evidence.Marks.Any(m => m.IsFault);
        result.Marks = run is null ? [] : [.. evidence.Marks.Select(m => m.On(run))];
        result.BottleneckHint = sampled is null ? null : BottleneckHint.For(sampled, run);
        result.Summary = run is null ? null : RunSummaryFactory.Create(run, result.Name, settings.BaselineInterval, CommitLabel.Current);
        var sources = evidence.Runs.Select(r => (Budgets.IMeasurements)new LoadRunMeasurements(r)).Concat(evidence.Measurements).ToList();
        result.Measurements = new RunMeasurements(sources, evidence.Metrics, sampled?.ToMetrics() ?? new Dictionary<string, double>());
    }

    private void Judge(PerfResult result, TextWriter output)
    {
        JudgeGates(result, test.Gates, output);
        result.Recheck = BreachRecheck.Assess(result);
        if (result.Recheck is { } recheck)
        {
            output.WriteLine(recheck.Text);
        }

        if (result.Budget is { } report)
        {
            output.WriteLine(Budgets.BudgetReportFormatter.Table(report));
        }
    }

    private void Export(PerfResult result, TextWriter progress) => Export(result, test.Exporters, progress);

    /// <summary>Runs <paramref name="exporters"/> into the current Allure result and keeps what they could not write.</summary>
    internal static void Export(PerfResult result, IEnumerable<IExporter> exporters, TextWriter progress)
    {
        var context = new ExportContext(AllureSink.Instance, progress.WriteLine);
        new CompositeExporter(exporters).Export(result, context);
        result.ReportProblems = context.Problems;
    }

    /// <summary>Runs <paramref name="gates"/> in order on <paramref name="result"/>, each on its own (one that throws fails, never passes), and sets its gates.</summary>
    internal static void JudgeGates(PerfResult result, IEnumerable<IGate> gates, TextWriter output)
    {
        var judgedGates = new List<GateResult>();
        foreach (var gate in gates)
        {
            GateResult judged;
            try
            {
                // A shard ran a share of the load: its budget and baseline are judged once, on all shards merged.
                judged = !result.Settings.Shard.IsSingle && gate.Name is BudgetGate.GateName or SavedBaselineGate.GateName
                    ? new GateResult(gate.Name, GateVerdict.Skipped, $"shard {result.Settings.Shard}: judged once on the merged shards ({ShardOutputExporter.FolderOf(result)})")
                    : gate.Judge(result);
            }
#pragma warning disable CA1031 // A gate that cannot judge fails the test; it never passes it silently.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                judged = new GateResult(gate.Name, GateVerdict.Failed, $"could not judge: {ex.GetType().Name}: {ex.Message}")
                {
                    Failure = $"Gate '{gate.Name}' could not judge the run: {ex.GetType().Name}: {ex.Message}",
                };
            }

            judgedGates.Add(judged);
            if (judged.Verdict != GateVerdict.Skipped)
            {
                output.WriteLine($"{judged.Gate}: {judged.Verdict.ToString().ToLowerInvariant()}: {judged.Summary}");
            }
        }

        result.Gates = judgedGates;
    }

    private static async Task DisposeAsync(IEnumerable<IResourceSource> sources)
    {
        foreach (var source in sources)
        {
            if (source is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (source is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
