using System.Globalization;
using System.Text.Json;
using Integration.Tests.Reports;
using PerfTests.Browser;
using PerfTests.Failover.Processes;

namespace Integration.Tests.Browser;

/// <summary>What one Lighthouse run measured, in the harness's metric names.</summary>
/// <param name="Metrics">fcp, lcp, cls, tbt, speed_index, tti (ms; cls unitless) and score (0-100).</param>
/// <param name="RenderBlockingUrls">URLs of the render-blocking requests insight.</param>
/// <param name="BenchmarkIndex">Lighthouse's CPU benchmark index of the host.</param>
internal sealed record LighthouseRun(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> RenderBlockingUrls, double BenchmarkIndex);

/// <summary>
/// Lighthouse 13 (npm, pinned in scripts/lighthouse) run in navigation mode on the harness's own
/// Chromium with devtools throttling set to the same lab conditions the harness applies: the same
/// CDP calls (Emulation.setCPUThrottlingRate, Network.emulateNetworkConditions) with the same values.
/// </summary>
internal static class Lighthouse
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private static readonly (string Audit, string Metric)[] Audits =
    [
        ("first-contentful-paint", VitalMetrics.Fcp), ("largest-contentful-paint", VitalMetrics.Lcp),
        ("cumulative-layout-shift", VitalMetrics.Cls), ("total-blocking-time", VitalMetrics.Tbt),
        ("speed-index", VitalMetrics.SpeedIndex), ("interactive", VitalMetrics.Tti),
    ];

    public static async Task<LighthouseRun> RunAsync(Uri url, LabConditions conditions, CancellationToken cancellationToken)
    {
        var cli = Path.Combine(RepositoryRoot.Find(), "scripts", "lighthouse", "node_modules", "lighthouse", "cli", "index.js");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"{cli} is missing: run scripts/setup-npm-tool.sh lighthouse.", cli);
        }

        var folder = Directory.CreateTempSubdirectory("perf-lighthouse-").FullName;
        try
        {
            var report = Path.Combine(folder, "report.json");
            var start = ParentWatch.StartInfo("node", [cli, url.ToString(), .. Arguments(conditions, report, folder)]);
            start.Environment["CHROME_PATH"] = Environment.GetEnvironmentVariable("PERF_CHROMIUM_PATH") ?? "/usr/bin/chromium";
            var run = await ChildProcess.RunAsync(start, RunTimeout, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (run.TimedOut)
            {
                throw new TimeoutException($"Lighthouse on {url} did not finish within {RunTimeout.TotalMinutes} min. Its output:\n{run.Output}");
            }

            if (run.ExitCode != 0 || !File.Exists(report))
            {
                throw new InvalidOperationException($"Lighthouse on {url} exited {run.ExitCode}{(File.Exists(report) ? "" : " and wrote no report")}. Its output:\n{run.Output}");
            }

            return Parse(await File.ReadAllTextAsync(report, cancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Arguments(LabConditions conditions, string report, string folder)
    {
        var c = CultureInfo.InvariantCulture;
        var network = conditions.Network;
        List<string> args =
        [
            "--only-categories=performance", "--output=json", $"--output-path={report}", "--quiet",
            "--throttling-method=devtools",
            $"--throttling.cpuSlowdownMultiplier={conditions.CpuSlowdown.ToString(c)}",
            // Lighthouse's devtools throttling takes the request-level values the harness sends to CDP.
            $"--throttling.requestLatencyMs={(network?.RequestLatencyMs ?? 0).ToString(c)}",
            $"--throttling.downloadThroughputKbps={(network is null ? 0 : network.DownloadBytesPerSecond * 8 / 1024).ToString(c)}",
            $"--throttling.uploadThroughputKbps={(network is null ? 0 : network.UploadBytesPerSecond * 8 / 1024).ToString(c)}",
            $"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir={Path.Combine(folder, "profile")}",
        ];
        if (conditions.FormFactor == FormFactor.Desktop)
        {
            args.Add("--preset=desktop");
        }

        return args;
    }

    private static LighthouseRun Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var audits = root.GetProperty("audits");
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (audit, metric) in Audits)
        {
            if (audits.TryGetProperty(audit, out var a) && a.TryGetProperty("numericValue", out var value) && value.ValueKind == JsonValueKind.Number)
            {
                metrics[metric] = value.GetDouble();
            }
        }

        if (root.GetProperty("categories").GetProperty("performance").GetProperty("score") is { ValueKind: JsonValueKind.Number } score)
        {
            metrics[VitalMetrics.Score] = score.GetDouble() * 100;
        }

        // Lighthouse 13 reports render-blocking requests as an insight; older versions as an opportunity.
        var blocking = new List<string>();
        if (audits.TryGetProperty("render-blocking-insight", out var rb) || audits.TryGetProperty("render-blocking-resources", out rb))
        {
            if (rb.TryGetProperty("details", out var details) && details.TryGetProperty("items", out var items))
            {
                blocking.AddRange(items.EnumerateArray().Select(i => i.GetProperty("url").GetString() ?? string.Empty));
            }

            if (rb.TryGetProperty("metricSavings", out var savings) && savings.TryGetProperty("FCP", out var fcpSaving) && fcpSaving.ValueKind == JsonValueKind.Number)
            {
                metrics[VitalMetrics.RenderBlockingMs] = fcpSaving.GetDouble();
            }
        }

        var benchmark = root.GetProperty("environment").GetProperty("benchmarkIndex").GetDouble();
        return new LighthouseRun(metrics, blocking, benchmark);
    }
}
