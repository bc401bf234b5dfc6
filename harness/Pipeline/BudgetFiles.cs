using NUnit.Framework;
using PerfTests.Budgets;

namespace PerfTests;

/// <summary>Finds and loads <c>budgets/&lt;suite&gt;.yaml</c> with the run's overlay.</summary>
public static class BudgetFiles
{
    /// <summary>Loads the budget of a suite with the overlay named by the run settings.</summary>
    /// <param name="suite">File name without extension, e.g. <c>load</c>.</param>
    /// <param name="settings">Run settings; default <see cref="PerfRunSettings.Current"/>.</param>
    /// <exception cref="FileNotFoundException">No budgets folder with that file was found.</exception>
    /// <exception cref="BudgetValidationException">The file or its overlay is invalid (every error listed).</exception>
    public static Budget Load(string suite, PerfRunSettings? settings = null)
    {
        settings ??= PerfRunSettings.Current;
        var start = TestContext.CurrentContext.TestDirectory ?? AppContext.BaseDirectory;
        var folder = settings.BudgetsFolder is { } configured
            ? Path.GetFullPath(configured, start)
            : FindFolder(start, suite);
        return BudgetLoader.Load(Path.Combine(folder, suite + ".yaml"), settings.BudgetOverlay);
    }

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> (the test assembly's folder, deep under bin/)
    /// to the first <c>budgets/</c> folder holding <c>&lt;suite&gt;.yaml</c>: the repository root's.
    /// </summary>
    internal static string FindFolder(string startDirectory, string suite)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "budgets");
            if (File.Exists(Path.Combine(candidate, suite + ".yaml")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"No budgets/{suite}.yaml in '{startDirectory}' or any parent; set the BudgetsFolder run parameter or PERF_BUDGETS_FOLDER.");
    }
}
