using System.Globalization;

namespace PerfTests.Load.Results;

/// <summary>Human-readable units for summaries and progress lines.</summary>
internal static class Format
{
    public static string Micros(double us) => us switch
    {
        >= 1_000_000 => (us / 1_000_000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 1_000 => (us / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => us.ToString("0", CultureInfo.InvariantCulture) + " µs",
    };

    public static string Micros(double? us) => us is { } v ? Micros(v) : "n/a";

    public static string Rate(double perSecond) => perSecond.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1024 => (bytes / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString("0", CultureInfo.InvariantCulture) + " B",
    };
}
