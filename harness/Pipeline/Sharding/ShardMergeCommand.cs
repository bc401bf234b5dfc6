using System.Globalization;
using PerfTests.Budgets;
using PerfTests.Load.Sharding;

namespace PerfTests.Sharding;

/// <summary>
/// The merge of a sharded run, as a command: reads the shard folders, checks they are the complete
/// shards of one run (<see cref="ShardSet"/>), merges them exactly (<see cref="ShardMerge"/>), judges the
/// budget file once on the merged measurements, compares the merged summary with the saved baseline,
/// and reports the merged run as a test would: an Allure result with a per-shard breakdown, the
/// markdown summary, the saved summary (the next baseline). Its exit code is the gate: 0 passed (or
/// warned), 1 a budget breached or a regression, 2 the shards, the budget or a setting could not be
/// read (the message names the shard, the file, the line).
/// </summary>
public static class ShardMergeCommand
{
    /// <summary>Passed or warned.</summary>
    public const int Passed = 0;

    /// <summary>The merged run breached its budget or regressed against the baseline.</summary>
    public const int Breached = 1;

    /// <summary>The shards are not one run, or a file or setting could not be read.</summary>
    public const int InputError = 2;

    /// <summary>How to call the command (printed on a usage error).</summary>
    public static string Usage { get; } =
        "usage: perftests-merge [--budgets <dir> | --budget <budget.yaml>] [--runsettings <pr.runsettings>] [--overlay <pr|nightly|...>]\n" +
        "       [--summary <file.md>] [--allure-results <dir>] [--baseline-dir <dir>] [--baseline-gate <fail|report>]\n" +
        "       [--summary-dir <dir>] [--start-tolerance <seconds>] <shard folder or folder of shard folders>...\n" +
        "Each test's shards are merged and judged by the test's own budget (<name>.yaml in --budgets, else the nearest\n" +
        "budgets/ folder up from here); --budget names one file for shards of one test. Settings not given read as the\n" +
        "tests read them (--runsettings, PERF_* variables, the settings file); Allure results go to --allure-results, else\n" +
        "$ALLURE_RESULTS_DIR, else ./allure-results. Exit 0 passed or warned, 1 breached or regressed, 2 bad input.";

    /// <summary>The options that set a setting, by the run parameter they stand for.</summary>
    private static readonly Dictionary<string, string> SettingOptions = new(StringComparer.Ordinal)
    {
        ["--budgets"] = "BudgetsFolder",
        ["--overlay"] = "BudgetOverlay",
        ["--summary"] = "SummaryFile",
        ["--baseline-dir"] = "BaselineDir",
        ["--baseline-gate"] = "BaselineGate",
        ["--summary-dir"] = "SummaryDir",
    };

    /// <summary>The options that name a file or folder of the merge itself.</summary>
    private static readonly HashSet<string> PathOptions = new(StringComparer.Ordinal) { "--budget", "--allure-results", "--runsettings" };

    /// <summary>
    /// The command line: <see cref="Usage"/>. A folder without a shard's manifest stands for the shard
    /// folders below it (how CI artifact downloads and a shared volume lay them out).
    /// </summary>
    public static int Main(IReadOnlyList<string> args, TextWriter output) =>
        Main(args, output, System.Environment.GetEnvironmentVariable, System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile));

    internal static int Main(IReadOnlyList<string> args, TextWriter output, Func<string, string?> environment, string? userHome)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        TimeSpan? tolerance = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var folders = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            if (SettingOptions.TryGetValue(arg, out var parameter) || PathOptions.Contains(arg))
            {
                if (Value() is not { } value)
                {
                    return UsageError(output, $"{arg} needs a value.");
                }

                (parameter is null ? paths : parameters)[parameter ?? arg] = value;
                continue;
            }

            switch (arg)
            {
                case "--start-tolerance":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds <= 0)
                    {
                        return UsageError(output, $"--start-tolerance '{text}' must be a number of seconds > 0.");
                    }

                    tolerance = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        return UsageError(output, $"unknown option '{arg}'.");
                    }

                    folders.AddRange(ShardFolders(arg));
                    break;
            }
        }

        if (folders.Count == 0)
        {
            return UsageError(output, "no shard folder found in the folders given.");
        }

        PerfSettings settings;
        try
        {
            // The profile's parameters as the tests read them; an option on the command line wins.
            var profile = paths.TryGetValue("--runsettings", out var runSettings) ? RunSettingsParameters.Read(runSettings) : [];
            settings = PerfSettings.Read(name => parameters.GetValueOrDefault(name) ?? profile.GetValueOrDefault(name), environment, userHome);
        }
        catch (Exception ex) when (ex is PerfSettingsException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine("merge: " + ex.Message);
            return InputError;
        }

        var allure = paths.GetValueOrDefault("--allure-results")
            ?? (environment(Reporting.Context.ResultsDirectory.EnvironmentVariable) is { Length: > 0 } configured ? configured : "allure-results");
        var options = new ShardMergeOptions { BudgetFile = paths.GetValueOrDefault("--budget"), Settings = settings, AllureResultsDirectory = Path.GetFullPath(allure), StartTolerance = tolerance };
        return Run(folders, options, output);
    }

    private static int UsageError(TextWriter output, string problem)
    {
        output.WriteLine("merge: " + problem);
        output.WriteLine(Usage);
        return InputError;
    }

    private static IEnumerable<string> ShardFolders(string folder) =>
        File.Exists(Path.Combine(folder, ShardOutput.ManifestFile)) || !Directory.Exists(folder)
            ? [folder]
            : Directory.EnumerateFiles(folder, ShardOutput.ManifestFile, SearchOption.AllDirectories).Select(f => Path.GetDirectoryName(f)!).Order(StringComparer.Ordinal);

    /// <summary>
    /// Merges <paramref name="shardFolders"/>, each test's shards into one run, judges and reports each as
    /// <paramref name="options"/> say, and writes what it did to <paramref name="output"/>. The exit code is the
    /// worst test's: a test whose shards are not one run does not stop the others from being judged.
    /// </summary>
    public static int Run(IReadOnlyList<string> shardFolders, ShardMergeOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        List<MergedShard> shards;
        try
        {
            shards = [.. shardFolders.Select(folder =>
            {
                var (manifest, run) = ShardOutput.Read(folder);
                return new MergedShard(folder, manifest, run);
            })];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine("merge: " + ex.Message);
            return InputError;
        }

        var tests = shards.GroupBy(s => s.Manifest.Test ?? "", StringComparer.Ordinal).ToList();
        if (options.BudgetFile is not null && tests.Count > 1)
        {
            output.WriteLine($"merge: --budget names one budget file, but the folders hold shards of {tests.Count} tests ({string.Join(", ", tests.Select(t => t.Key))}); " +
                "leave it out and each test is judged by its own budget (--budgets <dir>).");
            return InputError;
        }

        var exit = Passed;
        var verdicts = new List<string>();
        foreach (var test in tests)
        {
            var code = JudgeOne([.. test.OrderBy(s => s.Manifest.ShardIndex)], options, output);
            verdicts.Add($"{test.Key}: {(code == Passed ? "passed" : code == Breached ? "failed" : "not merged")}");
            exit = Math.Max(exit, code);
        }

        if (tests.Count > 1)
        {
            output.WriteLine($"merge: {tests.Count} tests; {string.Join("; ", verdicts)}.");
        }

        return exit;
    }

    private static int JudgeOne(IReadOnlyList<MergedShard> shards, ShardMergeOptions options, TextWriter output)
    {
        Budget budget;
        try
        {
            ShardSet.Check([.. shards.Select(s => (s.Folder, s.Manifest))], options.StartTolerance);
            budget = LoadBudget(shards[0], options);
        }
        catch (Exception ex) when (ex is ShardSetException or BudgetValidationException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            output.WriteLine("merge: " + ex.Message);
            return InputError;
        }

        return MergedRun.JudgeAndReport(shards, budget, options, output);
    }

    /// <summary>The file named, else the test's own budget as its shards name it, narrowed to the scenarios the test is judged by.</summary>
    private static Budget LoadBudget(MergedShard shard, ShardMergeOptions options)
    {
        if (options.BudgetFile is { } file)
        {
            return BudgetLoader.Load(file, options.Settings.BudgetOverlay);
        }

        var manifest = shard.Manifest;
        if (manifest.Budget is not { } name)
        {
            throw new ArgumentException($"{manifest.Name} of {manifest.Test} ({shard.Folder}) names no budget (the test has none, or its shards predate the field): name the file with --budget.");
        }

        // A hostile manifest cannot point outside the budgets folder: the name is a file name, checked as a test's own.
        return BudgetLocator.Load(name, options.Settings, Directory.GetCurrentDirectory(), manifest.BudgetScenarios ?? []);
    }
}
