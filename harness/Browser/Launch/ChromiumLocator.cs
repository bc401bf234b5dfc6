namespace PerfTests.Browser;

/// <summary>
/// Finds the Chromium to drive: PERF_CHROMIUM_PATH, else the distribution's chromium
/// (scripts/setup-browser.sh installs it), else null so Playwright uses its own downloaded browsers.
/// </summary>
internal static class ChromiumLocator
{
    /// <summary>Environment variable naming the Chromium executable.</summary>
    public const string EnvironmentVariable = "PERF_CHROMIUM_PATH";

    private static readonly string[] SystemPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The executable to launch, or null for Playwright's bundled browser.</summary>
    /// <exception cref="FileNotFoundException">PERF_CHROMIUM_PATH names a file that does not exist.</exception>
    public static string? Resolve(Func<string, string?> environment, Func<string, bool> fileExists)
    {
        if (environment(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return fileExists(configured)
                ? configured
                : throw new FileNotFoundException($"{EnvironmentVariable} is '{configured}', which does not exist.", configured);
        }

        return SystemPaths.FirstOrDefault(fileExists);
    }

    /// <summary>Resolves from the process environment and file system.</summary>
    public static string? Resolve() => Resolve(System.Environment.GetEnvironmentVariable, File.Exists);
}
