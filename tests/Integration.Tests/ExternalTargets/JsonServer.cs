using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Integration.Tests.Reports;
using PerfTests;
using PerfTests.Failover.Processes;

namespace Integration.Tests.ExternalTargets;

/// <summary>
/// json-server (npm, pinned in scripts/json-server) serving a generated data set on 127.0.0.1: a
/// running system no one here wrote, reached only through its URL. Disposal kills the process tree
/// and deletes the data folder; a test host that dies any other way takes it along (ParentWatch).
/// </summary>
internal sealed class JsonServer : ISystemUnderTest
{
    /// <summary>Orders in the data set (ids 1..Orders).</summary>
    public const int Orders = 500;

    private readonly Process _process;
    private readonly string _folder;

    private JsonServer(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The node process, to check that nothing is left behind.</summary>
    public int ProcessId => _process.Id;

    public static async Task<JsonServer> StartAsync(CancellationToken cancellationToken)
    {
        var cli = Path.Combine(RepositoryRoot.Find(), "scripts", "json-server", "node_modules", "json-server", "lib", "cli", "bin.js");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"{cli} is missing: run scripts/setup-npm-tool.sh json-server.", cli);
        }

        var folder = Directory.CreateTempSubdirectory("perf-json-server-").FullName;
        var data = Path.Combine(folder, "db.json");
        await File.WriteAllTextAsync(data, JsonSerializer.Serialize(DataSet()), cancellationToken);
        var port = FreeLoopbackPort();
        // Under the watcher AppProcess uses: a test host killed mid-run (SIGKILL too) takes json-server with it.
        var start = ParentWatch.StartInfo("node", [cli, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quiet", data]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = folder;
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new JsonServer(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilAnsweringAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static object DataSet()
    {
        var customers = Enumerable.Range(1, 50).Select(i => new { id = i, name = $"customer-{i}", city = i % 2 == 0 ? "Leeds" : "Bristol" }).ToArray();
        var orders = Enumerable.Range(1, Orders).Select(i => new
        {
            id = i,
            customerId = (i % 50) + 1,
            total = Math.Round(5m + (i * 3.37m % 495m), 2),
            status = i % 10 == 0 ? "refunded" : "paid",
            lines = Enumerable.Range(1, (i % 4) + 1).Select(l => new { sku = $"SKU-{(i * l) % 97}", quantity = l }).ToArray(),
        }).ToArray();
        return new { customers, orders };
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"json-server exited with {_process.ExitCode} before answering at {BaseAddress}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("orders/1", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"json-server did not answer at {BaseAddress} within 20 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
