using System.Text.RegularExpressions;
using PerfTests.Budgets;

namespace PerfTests;

/// <summary>
/// Finds and loads a test's budget file, <c>budgets/&lt;name&gt;.yaml</c> with the profile's overlay: in
/// the BudgetsFolder setting when given, else in <c>budgets/</c> beside the test assembly (budget files
/// copied to the output) or the nearest one above it (a repository's budgets folder).
/// </summary>
internal static partial class BudgetLocator
{
    /// <exception cref="ArgumentException">The name could reach outside the budgets folder.</exception>
    /// <exception cref="FileNotFoundException">No budgets folder holds the file; the message says where it looked.</exception>
    /// <exception cref="BudgetValidationException">The file or its overlay is invalid (every error listed).</exception>
    public static Budget Load(string name, PerfSettings settings, string testDirectory, IReadOnlyCollection<string>? scenarios = null)
    {
        EnsureFileName(name);
        var folder = settings.BudgetsFolder is { } configured
            ? Path.GetFullPath(configured, testDirectory)
            : FindFolder(testDirectory, name);
        var path = Path.Combine(folder, name + ".yaml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No budget file {path}: the BudgetsFolder setting names {folder}; put {name}.yaml there, or point BudgetsFolder (PERF_BUDGETS_FOLDER) elsewhere.", path);
        }

        var budget = BudgetLoader.Load(path, settings.BudgetOverlay);
        return scenarios is { Count: > 0 } ? Only(budget, scenarios) : budget;
    }

    /// <summary>The budget narrowed to <paramref name="scenarios"/>; a scenario the file lacks is an error, not an empty judgement.</summary>
    internal static Budget Only(Budget budget, IReadOnlyCollection<string> scenarios)
    {
        var missing = scenarios.Where(s => budget.Scopes.All(scope => scope.Scenario != s)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"budgets/{budget.Suite}.yaml has no scenario {string.Join(", ", missing.Select(m => $"'{m}'"))}; it has " +
                string.Join(", ", budget.Scopes.Select(s => s.Scenario).Distinct().Select(s => $"'{s}'")) + ".", nameof(scenarios));
        }

        return budget with { Scopes = [.. budget.Scopes.Where(s => scenarios.Contains(s.Scenario))] };
    }

    /// <summary>A budget name is a file name: letters, digits, '.', '-', '_', not starting with '.' (no path of any kind).</summary>
    public static void EnsureFileName(string name)
    {
        if (!FileName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' cannot name a budget file: use letters, digits, '.', '-' and '_' (not starting with '.'), as in budgets/<name>.yaml.", nameof(name));
        }
    }

    /// <summary>
    /// Walks up from <paramref name="startDirectory"/> (the test assembly's folder, deep under bin/)
    /// to the first <c>budgets/</c> folder holding <c>&lt;name&gt;.yaml</c>.
    /// </summary>
    internal static string FindFolder(string startDirectory, string name)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "budgets");
            if (File.Exists(Path.Combine(candidate, name + ".yaml")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"No budgets/{name}.yaml in '{startDirectory}' or any folder above it. Add budgets/{name}.yaml to the test project " +
            "(copied to the output), or set the run parameter BudgetsFolder (PERF_BUDGETS_FOLDER).");
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex FileName();
}
