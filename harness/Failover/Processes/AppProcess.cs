using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PerfTests.Containers.Runtime;
using PerfTests.Resources;

namespace PerfTests.Failover.Processes;

/// <summary>
/// An ASP.NET Core application in its own OS process on 127.0.0.1 and a free port, so a drill can
/// kill it for real: <see cref="KillAsync"/> sends SIGKILL to the whole process tree, and the kernel
/// resets its connections mid-request (a host stop would let in-flight requests finish). Started
/// only when it answers its readiness path; always killed and reaped on dispose, and on the test
/// process's exit, and by a watcher when the test process dies any other way (ParentWatch), so no
/// instance outlives its test.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutputTail _output;

    private AppProcess(Process process, ProcessOutputTail output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the application listens (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; }

    /// <summary>OS process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process has exited (killed or crashed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string RecentOutput => _output.Text;

    /// <summary>Starts the process and waits until it answers; on failure it is killed and the error names the URL and its output.</summary>
    /// <param name="options">What to start and how to judge readiness.</param>
    /// <param name="cancellationToken">Cancels the start (the process is killed).</param>
    public static async Task<AppProcess> StartAsync(AppProcessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.AssemblyPath))
        {
            throw new FileNotFoundException($"Application assembly not found: {options.AssemblyPath} (build it first).", options.AssemblyPath);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        // Under a watcher that kills it when this process dies, however it dies (SIGKILL included).
        var info = ParentWatch.StartInfo(options.DotnetHost, [options.AssemblyPath, "--urls", baseAddress.ToString().TrimEnd('/')]);
        info.WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(options.AssemblyPath))!;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        // Whose it is: the next run's sweep kills it if this process is gone and it somehow is not.
        ProcessSweeper.KillOrphansOnce();
        info.Environment[RunOwner.Variable] = RunOwner.AsVariable();
        foreach (var (key, value) in options.Settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info };
        var output = new ProcessOutputTail(lines: 40);
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Start();
        OrphanGuard.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, output, baseAddress);
        try
        {
            await app.WaitUntilReadyAsync(options, cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>SIGKILL to the process and its children, then waits until they are reaped.</summary>
    /// <param name="cancellationToken">Cancels the wait for the exit (the signal is sent regardless).</param>
    public async Task KillAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the process if it still runs, and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await KillAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already released: nothing to kill.
        }
        finally
        {
            OrphanGuard.Forget(_process);
            _process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(AppProcessOptions options, CancellationToken cancellationToken)
    {
        var probe = new Uri(BaseAddress, options.ReadinessPath);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < options.ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Path.GetFileName(options.AssemblyPath)} exited with code {_process.ExitCode} before answering {probe}. Last output:{System.Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(probe, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"{Path.GetFileName(options.AssemblyPath)} (pid {_process.Id}) did not answer {probe} within {options.ReadyTimeout.TotalSeconds:F0} s (last: {last}). Last output:{System.Environment.NewLine}{RecentOutput}");
    }

    private static int FreeLoopbackPort()
    {
        // Bound and released at once: the port is free now; the tiny race with other processes is
        // caught by the readiness check (the app exits on a taken port and the error says so).
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
