namespace PerfTests.Budgets;

/// <summary>
/// Loads a budget YAML file and, optionally, an environment overlay next to it
/// (<c>load.yaml</c> + overlay <c>nightly</c> = <c>load.nightly.yaml</c>). Validates everything at once.
/// </summary>
public static class BudgetLoader
{
    /// <summary>Reads, validates and freezes a budget file and its overlay.</summary>
    /// <param name="path">The base file, e.g. <c>budgets/load.yaml</c>; shown as written in error messages.</param>
    /// <param name="overlay">Overlay name (<c>pr</c>, <c>nightly</c>, <c>local</c>), or <see langword="null"/>.
    /// A named overlay without a file means the base budget applies unchanged (<see cref="Budget.Overlay"/> is then null).</param>
    /// <exception cref="BudgetValidationException">With every error, each with file, line, column and key.</exception>
    /// <exception cref="ArgumentException">The overlay name is not a plain file-name part (it could reach outside the folder).</exception>
    /// <exception cref="FileNotFoundException">The base file does not exist (the message names it).</exception>
    public static Budget Load(string path, string? overlay = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var overlayPath = overlay is null ? null : OverlayPath(path, overlay);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No budget file {path}.", path);
        }

        var errors = new List<BudgetError>();
        var text = BudgetFileText.Read(path, errors);
        var overlayText = overlayPath is not null && File.Exists(overlayPath) ? BudgetFileText.Read(overlayPath, errors) : null;
        if (errors.Count > 0)
        {
            throw new BudgetValidationException(errors.AsReadOnly());
        }

        return overlayText is null ? Parse(text!, path) : Parse(text!, path, overlayText, overlayPath, overlay);
    }

    /// <summary>The overlay file for a base file: <c>dir/load.yaml</c> + <c>nightly</c> = <c>dir/load.nightly.yaml</c>.</summary>
    /// <exception cref="ArgumentException">The overlay name is not a plain file-name part.</exception>
    public static string OverlayPath(string path, string overlay)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(overlay);
        if (!IsPlainName(overlay))
        {
            throw new ArgumentException(
                $"The budget overlay '{overlay}' is not a name: use letters, digits, '-' and '_' (e.g. pr, nightly), as in budgets/<suite>.<overlay>.yaml.", nameof(overlay));
        }

        var dir = Path.GetDirectoryName(path) ?? string.Empty;
        return Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(path)}.{overlay}{Path.GetExtension(path)}");
    }

    // An overlay is one dot-free part of a file name: no separator, no "..", nothing absolute.
    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Parses budget text already in memory (tests, embedded budgets).</summary>
    /// <param name="yaml">The base budget.</param>
    /// <param name="file">Name used in error messages.</param>
    /// <param name="overlayYaml">Overlay text, or <see langword="null"/>.</param>
    /// <param name="overlayFile">Overlay name used in error messages.</param>
    /// <param name="overlay">Overlay name recorded in <see cref="Budget.Overlay"/>.</param>
    /// <exception cref="BudgetValidationException">With every error found.</exception>
    public static Budget Parse(string yaml, string file, string? overlayYaml = null, string? overlayFile = null, string? overlay = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<BudgetError>();
        var options = BudgetYamlReader.Read(yaml, file, errors);
        var files = new List<string> { file };
        if (overlayYaml is not null)
        {
            overlayFile ??= "overlay";
            files.Add(overlayFile);
            var overlayOptions = BudgetYamlReader.Read(overlayYaml, overlayFile, errors);
            OverlayMerger.Apply(options, overlayOptions, errors);
        }

        // Emptiness checks would only echo keys that failed to read, so they wait for a clean read.
        BudgetValidator.Validate(options, errors, checkEmpty: errors.Count == 0);

        if (errors.Count > 0)
        {
            throw new BudgetValidationException(errors.AsReadOnly());
        }

        return BudgetFreezer.Freeze(options, overlayYaml is null ? null : overlay ?? overlayFile, files);
    }
}
