using System.Net;

namespace PerfTests;

/// <summary>Fail-fast reachability check run before any load is sent.</summary>
public static class SystemUnderTestProbe
{
    /// <summary>Default time to wait for a healthy answer: 10 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Polls GET {baseAddress}{healthPath} every 250 ms until it answers 2xx, or throws
    /// <see cref="SystemUnderTestUnreachableException"/> naming the URL once <paramref name="timeout"/> has passed.
    /// A 5xx answer is retried too (the app may still be starting); the last status and body are in the message.
    /// </summary>
    /// <param name="baseAddress">Root URL of the system.</param>
    /// <param name="healthPath">Relative health path, default "health".</param>
    /// <param name="timeout">Total wait, default <see cref="DefaultTimeout"/>.</param>
    /// <param name="timeProvider">Clock for the polling delay, default <see cref="TimeProvider.System"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task EnsureReachableAsync(
        Uri baseAddress,
        string healthPath = "health",
        TimeSpan? timeout = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var time = timeProvider ?? TimeProvider.System;
        var limit = timeout ?? DefaultTimeout;
        var url = new Uri(baseAddress, healthPath.TrimStart('/'));
        var started = time.GetTimestamp();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string lastProblem;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                lastProblem = $"it answered {(int)response.StatusCode} {response.StatusCode}: {Truncate(body)}";
                if (response.StatusCode is HttpStatusCode.NotFound)
                {
                    break; // a wrong path will not fix itself
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                lastError = ex;
                lastProblem = $"no answer ({ex.Message})";
            }

            if (time.GetElapsedTime(started) >= limit)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
        }

        throw new SystemUnderTestUnreachableException(
            $"The system under test at {baseAddress} is not reachable: GET {url} failed within {limit.TotalSeconds:0.#} s, {lastProblem}. " +
            $"Start the system, or point PERF_TARGET_URL (run parameter TargetUrl) at a running instance.",
            lastError);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
