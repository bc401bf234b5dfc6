namespace PerfTests;

/// <summary>
/// Every setting's run parameter (a <c>.runsettings</c> TestRunParameter) and environment variable,
/// in one table: what README documents and what <see cref="PerfSettings"/> reads.
/// </summary>
internal static class SettingNames
{
    public static readonly SettingName DurationScale = new("DurationScale", "PERF_DURATION_SCALE");
    public static readonly SettingName TargetUrl = new("TargetUrl", "PERF_TARGET_URL");
    public static readonly SettingName AllowedHosts = new("AllowedHosts", "PERF_ALLOWED_HOSTS");
    public static readonly SettingName ReadinessPath = new("ReadinessPath", "PERF_READINESS_PATH");
    public static readonly SettingName ReadinessTimeout = new("ReadinessTimeout", "PERF_READINESS_TIMEOUT");
    public static readonly SettingName BudgetOverlay = new("BudgetOverlay", "PERF_BUDGET_OVERLAY");
    public static readonly SettingName BudgetsFolder = new("BudgetsFolder", "PERF_BUDGETS_FOLDER");
    public static readonly SettingName BaselineInterval = new("BaselineInterval", "PERF_BASELINE_INTERVAL");
    public static readonly SettingName BaselineDir = new("BaselineDir", "PERF_BASELINE_DIR");
    public static readonly SettingName SummaryDir = new("SummaryDir", "PERF_SUMMARY_DIR");
    public static readonly SettingName BaselineGate = new("BaselineGate", "PERF_BASELINE_GATE");
    public static readonly SettingName SummaryFile = new("SummaryFile", "PERF_SUMMARY_FILE");
    public static readonly SettingName CandidateSettings = new("CandidateSettings", "PERF_CANDIDATE_SETTINGS");
    public static readonly SettingName BaselineTargetUrl = new("BaselineTargetUrl", "PERF_BASELINE_TARGET_URL");
    public static readonly SettingName BaselineApp = new("BaselineApp", "PERF_BASELINE_APP");
    public static readonly SettingName TestTimeout = new("TestTimeout", "PERF_TEST_TIMEOUT");
    public static readonly SettingName BusyMachineCpu = new("BusyMachineCpu", "PERF_BUSY_MACHINE_CPU");
    public static readonly SettingName InconclusiveReruns = new("InconclusiveReruns", "PERF_INCONCLUSIVE_RERUNS");
    public static readonly SettingName Shard = new("Shard", "PERF_SHARD");
    public static readonly SettingName ShardCount = new("ShardCount", "PERF_SHARD_COUNT");
    public static readonly SettingName ShardDir = new("ShardDir", "PERF_SHARD_DIR");
    public static readonly SettingName ShardStartAt = new("ShardStartAt", "PERF_SHARD_START_AT");

    /// <summary>Set by Kubernetes in each pod of an Indexed Job (0-based); read only when <see cref="ShardCount"/> is set.</summary>
    public const string JobCompletionIndex = "JOB_COMPLETION_INDEX";
}

/// <summary>A setting's two names: run parameter first, then environment variable.</summary>
internal sealed record SettingName(string Parameter, string Variable);
