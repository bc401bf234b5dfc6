using System.Globalization;
using System.Text.Json;
using HdrHistogram;
using PerfTests.Load.Histograms;
using PerfTests.Load.Results;

namespace PerfTests.Load.Sharding;

/// <summary>
/// What a shard leaves for the merge, in a folder of its own: <c>shard.json</c> (the manifest: shard,
/// plan fingerprint, commit, start, host; and each scenario's counts, status codes, steps and
/// per-second timeline) and <c>shard.hlog</c>, a standard HdrHistogram log with every histogram the
/// result holds (whole run, failed, uncorrected, per step, and one per measured second stamped with
/// its absolute time), so the merge adds histograms, never percentiles. Read back, it is the shard's
/// <see cref="LoadRunResult"/> exactly.
/// </summary>
public static class ShardOutput
{
    /// <summary>The manifest and counts.</summary>
    public const string ManifestFile = "shard.json";

    /// <summary>The histograms.</summary>
    public const string HistogramFile = "shard.hlog";

    /// <summary>The format version this library writes; reading refuses others.</summary>
    public const int FormatVersion = 1;

    /// <summary>Shard files are small: a larger one is not ours (and is not read into memory).</summary>
    private const long MaxManifestBytes = 64L * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes <paramref name="run"/>, a shard's result, to <paramref name="folder"/> with what <paramref name="labels"/> say of its run.</summary>
    public static void Write(string folder, LoadRunResult run, ShardLabels labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(labels);
        Directory.CreateDirectory(folder);
        var manifest = new ShardManifest
        {
            FormatVersion = FormatVersion,
            Test = labels.Test,
            Fixture = labels.Fixture,
            TestName = labels.TestName,
            Budget = labels.Budget,
            BudgetScenarios = labels.BudgetScenarios,
            ShardIndex = run.Shard.Index,
            ShardCount = run.Shard.Count,
            PlanFingerprint = run.PlanFingerprint,
            Commit = labels.Commit,
            Host = Environment.MachineName,
            StartedAt = run.StartedAt,
            DurationSeconds = run.Duration.TotalSeconds,
            IsCancelled = run.IsCancelled,
            AbortReason = run.AbortReason,
            TargetUnreachable = run.TargetUnreachable,
            Scenarios = [.. run.Scenarios.Select(ShardScenario.From)],
        };
        File.WriteAllText(Path.Combine(folder, ManifestFile), JsonSerializer.Serialize(manifest, Json));
        var histograms = new List<HistogramBase>();
        var measureStartMs = run.StartedAt.ToUnixTimeMilliseconds();
        for (var i = 0; i < run.Scenarios.Count; i++)
        {
            var s = run.Scenarios[i];
            var fromMs = measureStartMs + (long)s.WarmUp.TotalMilliseconds;
            var toMs = fromMs + (long)s.Duration.TotalMilliseconds;
            histograms.Add(Tag(s.Latency.CopyHistogram(), $"s{i}.latency", fromMs, toMs));
            histograms.Add(Tag(s.UncorrectedLatency.CopyHistogram(), $"s{i}.uncorrected", fromMs, toMs));
            histograms.Add(Tag(s.FailedLatency.CopyHistogram(), $"s{i}.failed", fromMs, toMs));
            for (var j = 0; j < s.Steps.Count; j++)
            {
                histograms.Add(Tag(s.Steps[j].Latency.CopyHistogram(), $"s{i}.step{j}.latency", fromMs, toMs));
                histograms.Add(Tag(s.Steps[j].FailedLatency.CopyHistogram(), $"s{i}.step{j}.failed", fromMs, toMs));
            }

            // One histogram per measured second at its clock time: an interval log other tools can read.
            foreach (var (second, h) in s.Intervals.Histograms())
            {
                var startMs = fromMs + ((second - 1) * 1000L);
                histograms.Add(Tag(h, string.Create(CultureInfo.InvariantCulture, $"s{i}.second{second}"), startMs, startMs + 1000));
            }
        }

        using var stream = File.Create(Path.Combine(folder, HistogramFile));
        HistogramLog.Write(stream, run.StartedAt, [.. histograms]);
    }

    /// <summary>Reads a shard folder written by <see cref="Write"/>: its manifest and its result.</summary>
    /// <exception cref="InvalidDataException">A file is missing, too large, of another version or malformed; the message names the file.</exception>
    public static (ShardManifest Manifest, LoadRunResult Run) Read(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var manifestPath = Path.Combine(folder, ManifestFile);
        var logPath = Path.Combine(folder, HistogramFile);
        foreach (var path in new[] { manifestPath, logPath })
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path} is missing: {folder} is not a shard's output (PERF_SHARD runs write it to PERF_SHARD_DIR).");
            }

            if (new FileInfo(path).Length > MaxManifestBytes)
            {
                throw new InvalidDataException($"{path} is larger than {MaxManifestBytes / 1024 / 1024} MiB: not a shard's output.");
            }
        }

        ShardManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(manifestPath), Json) ?? throw new InvalidDataException($"{manifestPath} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{manifestPath} is not a shard manifest: {ex.Message}", ex);
        }

        if (manifest.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"{manifestPath} has format version {manifest.FormatVersion}; this library reads version {FormatVersion} (merge with the version that ran the shards).");
        }

        if (manifest.ShardCount is < 1 or > Shard.MaxCount || manifest.ShardIndex < 0 || manifest.ShardIndex >= manifest.ShardCount)
        {
            throw new InvalidDataException($"{manifestPath} names shard index {manifest.ShardIndex} of {manifest.ShardCount}: not a shard of a run (0 <= index < count <= {Shard.MaxCount}).");
        }

        Dictionary<string, HistogramBase> histograms;
        try
        {
            using var stream = File.OpenRead(logPath);
            histograms = HistogramLog.Read(stream).Where(h => h.Tag is not null).GroupBy(h => h.Tag!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is FormatException or IOException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{logPath} is not an HdrHistogram log: {ex.Message}", ex);
        }

        var scenarios = manifest.Scenarios.Select((s, i) => s.ToResult(i, histograms, logPath)).ToList();
        var run = new LoadRunResult
        {
            StartedAt = manifest.StartedAt,
            Duration = TimeSpan.FromSeconds(manifest.DurationSeconds),
            IsCancelled = manifest.IsCancelled,
            AbortReason = manifest.AbortReason,
            TargetUnreachable = manifest.TargetUnreachable,
            Shard = Shard.Of(manifest.ShardIndex, manifest.ShardCount),
            PlanFingerprint = manifest.PlanFingerprint,
            Scenarios = scenarios,
        };
        return (manifest, run);
    }

    private static HistogramBase Tag(HistogramBase histogram, string tag, long startMs, long endMs)
    {
        histogram.Tag = tag;
        histogram.StartTimeStamp = startMs;
        histogram.EndTimeStamp = endMs;
        return histogram;
    }
}
