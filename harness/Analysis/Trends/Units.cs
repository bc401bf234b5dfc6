namespace PerfTests.Analysis.Trends;

/// <summary>Unit conversions shared by the reports.</summary>
internal static class Units
{
    /// <summary>Bytes in one MiB (what dotnet-counters and most dashboards call "MB").</summary>
    public const double BytesPerMb = 1024 * 1024;

    public static double PerSecondToPerHour(double perSecond) => perSecond * 3600;
}
