using System.Globalization;

namespace PerfTests;

/// <summary>
/// Reads each setting from its run parameter, else its environment variable, else the machine's
/// settings file, and parses it; every problem is added to one list (naming the source and the value)
/// so all are reported at once.
/// </summary>
internal sealed class SettingsReader(Func<string, string?> parameter, Func<string, string?> environment, SettingsFile? file, List<string> problems)
{
    public PerfSettings ReadAll() => new()
    {
        DurationScale = Positive(SettingNames.DurationScale, "a number > 0 (e.g. 0.1 or 2)") ?? 1,
        TargetUrl = Url(SettingNames.TargetUrl),
        AllowedHosts = Hosts(SettingNames.AllowedHosts),
        ReadinessPath = Path(SettingNames.ReadinessPath) ?? "/",
        ReadinessTimeout = Duration(SettingNames.ReadinessTimeout) ?? TimeSpan.FromSeconds(10),
        BudgetOverlay = Overlay(SettingNames.BudgetOverlay) ?? "local",
        BudgetsFolder = Text(SettingNames.BudgetsFolder),
        BaselineInterval = Interval(SettingNames.BaselineInterval) ?? TimeSpan.FromSeconds(10),
        BaselineFolder = Text(SettingNames.BaselineDir),
        SummaryFolder = Text(SettingNames.SummaryDir),
        BaselineGate = Gate(SettingNames.BaselineGate),
        SummaryFile = Text(SettingNames.SummaryFile),
        CandidateSettings = KeyValues(SettingNames.CandidateSettings),
        BaselineTargetUrl = Url(SettingNames.BaselineTargetUrl),
        BaselineApp = AppDll(SettingNames.BaselineApp),
        TestTimeout = Duration(SettingNames.TestTimeout),
        BusyMachineCpu = Fraction(SettingNames.BusyMachineCpu) ?? 0.25,
        InconclusiveReruns = Count(SettingNames.InconclusiveReruns, 3) ?? 1,
        Shard = ShardSetting(),
        ShardFolder = Text(SettingNames.ShardDir),
        ShardStartAt = Instant(SettingNames.ShardStartAt),
    };

    /// <summary>The trimmed value of the run parameter, else of the variable, else of the file; null when all are empty.</summary>
    public static string? Lookup(Func<string, string?> parameter, Func<string, string?> environment, SettingsFile? file, SettingName name, out string source)
    {
        var value = parameter(name.Parameter);
        source = $"run parameter '{name.Parameter}'";
        if (string.IsNullOrWhiteSpace(value) && name.Variable.Length > 0)
        {
            value = environment(name.Variable);
            source = $"environment variable {name.Variable}";
        }

        if (string.IsNullOrWhiteSpace(value) && file?.Get(name.Parameter, out var where) is { } written)
        {
            value = written;
            source = "settings file " + where;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string? Text(SettingName name) => Lookup(name, out _);

    private string? Lookup(SettingName name, out string source) => Lookup(parameter, environment, file, name, out source);

    public TimeSpan? Duration(SettingName name) =>
        Parse<TimeSpan?>(name, "a positive duration such as 00:01:30", text =>
            TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value : null);

    // An explicit offset: a local time means another instant on each runner of another time zone.
    private DateTimeOffset? Instant(SettingName name) =>
        Parse<DateTimeOffset?>(name, "an ISO 8601 instant with its offset, e.g. 2026-12-07T06:00:00Z (date -u +%Y-%m-%dT%H:%M:%SZ)", text =>
            DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime() : null);

    // 'Z' or an offset such as +01:00 must be written; AssumeUniversal only reads the literal 'Z' as UTC.
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    private double? Positive(SettingName name, string expected) =>
        Parse(name, expected, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0 ? value : (double?)null);

    private double? Fraction(SettingName name) =>
        Parse(name, "a fraction of all cores above 0 and at most 1 (e.g. 0.25)", text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 1 ? value : (double?)null);

    private int? Count(SettingName name, int max) =>
        Parse(name, $"a whole number from 0 to {max}", text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max ? value : (int?)null);

    private Uri? Url(SettingName name) =>
        Parse(name, "an absolute http(s) URL such as http://127.0.0.1:5000/", text =>
            Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0 ? url : null);

    private string? Path(SettingName name) =>
        Parse(name, "a path on the target such as /health", text =>
            text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && Uri.IsWellFormedUriString(text, UriKind.Relative) ? text : null);

    private string? Overlay(SettingName name) =>
        Parse(name, "lower-case letters, digits and '-' (e.g. pr, nightly)", text =>
            text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? text : null);

    // Whole seconds: the summaries' interval series is built from the per-second timeline.
    private TimeSpan? Interval(SettingName name) =>
        Parse(name, "whole seconds from 1 to 3600 (e.g. 1 or 10)", text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600
                ? TimeSpan.FromSeconds(seconds)
                : (TimeSpan?)null);

    private BaselineGateMode Gate(SettingName name) =>
        Parse(name, "'fail' (a regression fails the test) or 'report' (compare and report only)", text => text.ToLowerInvariant() switch
        {
            "fail" => BaselineGateMode.Fail,
            "report" => BaselineGateMode.Report,
            _ => (BaselineGateMode?)null,
        }) ?? BaselineGateMode.Fail;

    /// <summary>
    /// <c>Shard=2/8</c> (a CI matrix passes its index and count so), or <c>ShardCount</c> with the pod's
    /// 0-based <c>JOB_COMPLETION_INDEX</c> (a Kubernetes Indexed Job); both set must agree.
    /// </summary>
    private Shard ShardSetting()
    {
        var text = Lookup(SettingNames.Shard, out var source);
        var shard = text is null ? null : Shard.TryParse(text);
        if (text is not null && shard is null)
        {
            problems.Add($"{source} is '{text}'; it must be number/count, 1 <= number <= count <= {Shard.MaxCount} (e.g. 2/8: the second of eight shards).");
            return Shard.Whole;
        }

        var countText = Lookup(SettingNames.ShardCount, out var countSource);
        if (countText is null)
        {
            return shard ?? Shard.Whole;
        }

        var index = environment(SettingNames.JobCompletionIndex)?.Trim();
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > Shard.MaxCount)
        {
            problems.Add($"{countSource} is '{countText}'; it must be a whole number of shards from 1 to {Shard.MaxCount} (a Kubernetes Indexed Job's completions).");
        }
        else if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var zeroBased) || zeroBased >= count)
        {
            problems.Add($"{countSource} is '{countText}', so the shard's index comes from environment variable {SettingNames.JobCompletionIndex}, which is '{index}'; it must be a whole number from 0 to {count - 1} (set by a Kubernetes Indexed Job).");
        }
        else if (shard is not null && shard != Shard.Of(zeroBased, count))
        {
            problems.Add($"{source} is '{text}' but {countSource} '{countText}' with {SettingNames.JobCompletionIndex} '{index}' make shard {Shard.Of(zeroBased, count)}; set one of them.");
        }
        else
        {
            return Shard.Of(zeroBased, count);
        }

        return Shard.Whole;
    }

    private string[] Hosts(SettingName name)
    {
        var text = Lookup(name, out var source);
        if (text is null)
        {
            return [];
        }

        var hosts = text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var host in hosts.Where(h => Uri.CheckHostName(h.Trim('[', ']')) == UriHostNameType.Unknown))
        {
            problems.Add($"{source} is '{text}': '{host}' is not a host name or address (list hosts separated by ',', e.g. staging.internal,10.0.0.5).");
        }

        return hosts;
    }

    private string? AppDll(SettingName name) =>
        Parse(name, "the full path of an existing app .dll (e.g. the baseline build's PerfTests.SampleSystem.dll)", text =>
            text.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(text) ? System.IO.Path.GetFullPath(text) : null);

    private Dictionary<string, string?> KeyValues(SettingName name)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var text = Lookup(name, out var source);
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "" : part[..equals].Trim();
            if (key.Length == 0)
            {
                problems.Add($"{source}: '{part}' is not Key=Value. Use configuration keys separated by ';', e.g. SampleSystem:ExtraLatencyUs=900;SampleSystem:CacheEnabled=false.");
            }
            else if (!settings.TryAdd(key, part[(equals + 1)..].Trim()))
            {
                problems.Add($"{source}: key '{key}' is set twice.");
            }
        }

        return settings;
    }

    private T? Parse<T>(SettingName name, string expected, Func<string, T?> parse)
    {
        var text = Lookup(name, out var source);
        if (text is null)
        {
            return default;
        }

        var value = parse(text);
        if (value is null)
        {
            problems.Add($"{source} is '{text}'; it must be {expected}.");
        }

        return value;
    }
}
