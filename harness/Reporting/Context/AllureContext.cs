using System.Diagnostics;
using PerfTests.Reporting.Model;

namespace PerfTests.Reporting.Context;

/// <summary>
/// What a test adds to its own Allure result: steps, attachments, parameters, labels, metrics.
/// Works only inside tests recorded by <c>[assembly: AllureResults]</c>; elsewhere steps still run
/// and everything else is dropped. Never throws because of reporting (only the step body's exceptions).
/// Safe under parallel tests.
/// </summary>
public static class AllureContext
{
    /// <summary>The lifecycle the NUnit attribute set up; null when no test is recorded.</summary>
    internal static AllureLifecycle? Lifecycle { get; set; }

    /// <summary>True inside a test recorded by <c>[assembly: AllureResults]</c>: attachments and metrics are kept.</summary>
    public static bool IsRecording => Lifecycle?.Current is not null;

    /// <summary>Runs <paramref name="body"/> as a step; nested calls nest. Exceptions mark the step and propagate.</summary>
    [StackTraceHidden]
    public static void Step(string name, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Step<object?>(name, [StackTraceHidden] () =>
        {
            body();
            return null;
        });
    }

    /// <summary>Runs <paramref name="body"/> as a step and returns its value.</summary>
    [StackTraceHidden]
    public static T Step<T>(string name, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Lifecycle is { } lifecycle ? lifecycle.Step(name, body) : body();
    }

    /// <summary>Awaits <paramref name="body"/> as a step.</summary>
    [StackTraceHidden]
    public static Task StepAsync(string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return StepAsync<object?>(name, [StackTraceHidden] async () =>
        {
            await body().ConfigureAwait(false);
            return null;
        });
    }

    /// <summary>Awaits <paramref name="body"/> as a step and returns its value.</summary>
    [StackTraceHidden]
    public static Task<T> StepAsync<T>(string name, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Lifecycle is { } lifecycle ? lifecycle.StepAsync(name, body) : body();
    }

    /// <summary>
    /// Attaches text to the current step (or test). Useful types: image/svg+xml (inline chart),
    /// text/csv (table), application/json, text/plain. <paramref name="extension"/> without dot.
    /// </summary>
    public static void Attach(string name, string content, string mimeType, string extension) =>
        Safely(lifecycle => lifecycle.Attach(name, content, mimeType, extension));

    /// <summary>
    /// Attaches text as the first item of the test's body, before every step and attachment: for the
    /// one page a reader should open first (an overview).
    /// </summary>
    public static void AttachFirst(string name, string content, string mimeType, string extension) =>
        Safely(lifecycle => lifecycle.AttachFirst(name, System.Text.Encoding.UTF8.GetBytes(content), mimeType, extension));

    /// <summary>Attaches bytes to the current step (or test).</summary>
    public static void Attach(string name, byte[] content, string mimeType, string extension) =>
        Safely(lifecycle => lifecycle.Attach(name, content, mimeType, extension));

    /// <summary>
    /// Adds (or replaces) a test parameter. Mark run-specific values (seed, run id, timestamps)
    /// <paramref name="excluded"/> so they do not split the test's history across runs.
    /// </summary>
    public static void Parameter(string name, object? value, bool excluded = false, ParameterMode mode = ParameterMode.Default) =>
        Safely(lifecycle => lifecycle.Parameter(name, ParameterFormatter.Format(value), excluded, mode));

    /// <summary>Adds a parameter to the innermost open step (or the test outside steps).</summary>
    public static void StepParameter(string name, object? value) =>
        Safely(lifecycle => lifecycle.Parameter(name, ParameterFormatter.Format(value), excluded: false, ParameterMode.Default, onStep: true));

    /// <summary>Adds a label, for example ("epic", "Checkout") or ("owner", "team-a").</summary>
    public static void Label(string name, string value) => Safely(lifecycle => lifecycle.Label(name, value));

    /// <summary>Sets the test's description (Markdown).</summary>
    public static void Description(string markdown) => Safely(lifecycle => lifecycle.Description(markdown));

    /// <summary>Adds a link; <paramref name="type"/> "issue", "tms" or null for a plain link.</summary>
    public static void Link(string name, string url, string? type = null) => Safely(lifecycle => lifecycle.Link(name, url, type));

    /// <summary>
    /// Records a performance metric for Allure 3's Metrics page, which trends it across runs
    /// (history kept by scripts/allure-report.sh). Use stable keys such as "checkout.p99"; state the
    /// unit (for example "ms", "req/s").
    /// </summary>
    public static void Metric(string key, double value, string? unit = null, MetricDirection direction = MetricDirection.None)
    {
        var better = direction switch
        {
            MetricDirection.LowerIsBetter => "lower",
            MetricDirection.HigherIsBetter => "higher",
            _ => null,
        };
        Safely(lifecycle => lifecycle.Metric(key, value, unit, better));
    }

    private static void Safely(Func<AllureLifecycle, bool> action)
    {
        var lifecycle = Lifecycle;
        if (lifecycle is null)
        {
            return;
        }

        try
        {
            action(lifecycle);
        }
#pragma warning disable CA1031 // Reporting must never fail the test (house style 5): log and go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lifecycle.Log($"allure: reporting call failed: {ex}");
        }
    }
}
