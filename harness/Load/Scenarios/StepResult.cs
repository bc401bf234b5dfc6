using System.Globalization;

namespace PerfTests;

/// <summary>
/// What one step invocation reports: ok or failed, a status (HTTP code or a name such as an
/// exception type) and the bytes transferred. A struct, so reporting allocates nothing.
/// </summary>
public readonly struct StepResult
{
    private StepResult(bool isOk, int statusCode, string? status, long bytes, string? message, bool isUnreachable = false)
    {
        IsOk = isOk;
        IsUnreachable = isUnreachable;
        StatusCode = statusCode;
        Status = status;
        Bytes = bytes;
        Message = message;
    }

    /// <summary>True for success.</summary>
    public bool IsOk { get; }

    /// <summary>
    /// A failure to reach the target at all (connection refused, name not resolved): the target did not
    /// answer, as opposed to answering with an error. A run whose first requests all end so stops early.
    /// </summary>
    public bool IsUnreachable { get; }

    /// <summary>Numeric status (HTTP code); 0 when the status is a name (<see cref="Status"/>).</summary>
    public int StatusCode { get; }

    /// <summary>Named status (e.g. "TimeoutException"), or null when <see cref="StatusCode"/> is the status.</summary>
    public string? Status { get; }

    /// <summary>Bytes transferred (received, or sent + received: the step decides).</summary>
    public long Bytes { get; }

    /// <summary>Optional failure detail.</summary>
    public string? Message { get; }

    /// <summary>The key used in status-code counts ("200", "TimeoutException").</summary>
    public string StatusKey => Status ?? StatusCode.ToString(CultureInfo.InvariantCulture);

    /// <summary>A success, default status 200 and 0 bytes.</summary>
    public static StepResult Ok(int statusCode = 200, long bytes = 0) => new(true, statusCode, null, bytes, null);

    /// <summary>A failure with a numeric status (e.g. HTTP 503).</summary>
    public static StepResult Fail(int statusCode, long bytes = 0, string? message = null) =>
        new(false, statusCode, null, bytes, message);

    /// <summary>A failure with a named status (e.g. "Timeout").</summary>
    public static StepResult Fail(string status, string? message = null, long bytes = 0) =>
        new(false, 0, status ?? throw new ArgumentNullException(nameof(status)), bytes, message);

    /// <summary>A failure to reach the target (see <see cref="IsUnreachable"/>); <paramref name="message"/> should name where it tried.</summary>
    public static StepResult Unreachable(string status, string message) =>
        new(false, 0, status ?? throw new ArgumentNullException(nameof(status)), 0, message, isUnreachable: true);

    /// <summary>The failure recorded when a step throws: the exception type is the status.</summary>
    public static StepResult FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Fail(exception.GetType().Name, exception.Message);
    }
}
