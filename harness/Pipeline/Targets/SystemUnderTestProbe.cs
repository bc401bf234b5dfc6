using System.Net;
using PerfTests.Load.Http;

namespace PerfTests;

/// <summary>Fail-fast readiness check of a target, run before any load is sent.</summary>
public static class SystemUnderTestProbe
{
    /// <summary>Default time to wait for an answer: 10 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Polls GET {baseAddress}{path} every 250 ms until the target answers, or throws
    /// <see cref="SystemUnderTestUnreachableException"/> naming the URL once <paramref name="timeout"/> has passed.
    /// Redirects are never followed, so the probe never leaves the host it was given. Ready means any
    /// answer below 500 (a 404 or a redirect still proves the server is up), or with
    /// <paramref name="requireSuccess"/> a 2xx, where any 4xx fails at once (a wrong health path will not
    /// fix itself). A 5xx or no answer is retried: the app may still be starting.
    /// </summary>
    /// <param name="baseAddress">Root URL of the system.</param>
    /// <param name="path">Path probed, relative to <paramref name="baseAddress"/>; default "/".</param>
    /// <param name="timeout">Total wait, default <see cref="DefaultTimeout"/>.</param>
    /// <param name="requireSuccess">Whether only a 2xx counts as ready (a health endpoint); default false.</param>
    /// <param name="timeProvider">Clock for the polling delay, default <see cref="TimeProvider.System"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task EnsureReachableAsync(
        Uri baseAddress,
        string path = "/",
        TimeSpan? timeout = null,
        bool requireSuccess = false,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        await EnsureReachableAsync(baseAddress, path, timeout, requireSuccess, timeProvider, (url, ct) => http.GetAsync(url, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long a running target (one the run was pointed at, not one it starts) may refuse connections before the run gives up on it.</summary>
    internal static readonly TimeSpan RefusedLimit = TimeSpan.FromSeconds(3);

    /// <summary>The probe over a given sender (the run's own guarded connection pool).</summary>
    internal static async Task EnsureReachableAsync(
        Uri baseAddress,
        string path,
        TimeSpan? timeout,
        bool requireSuccess,
        TimeProvider? timeProvider,
        Func<Uri, CancellationToken, Task<HttpResponseMessage>> get,
        CancellationToken cancellationToken,
        TimeSpan? refusedLimit = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(path);
        var time = timeProvider ?? TimeProvider.System;
        var limit = timeout ?? DefaultTimeout;
        var url = new Uri(baseAddress, path.TrimStart('/'));
        var started = time.GetTimestamp();
        string lastProblem;
        Exception? lastError = null;
        var onlyRefused = true;
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await get(url, attempt.Token).ConfigureAwait(false);
                var code = (int)response.StatusCode;
                if (requireSuccess ? response.IsSuccessStatusCode : code < 500)
                {
                    return;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                lastProblem = $"it answered {code} {response.StatusCode}: {Truncate(body)}";
                if (code < 500)
                {
                    break; // a 4xx or a redirect from a health path will not turn into a 2xx by waiting
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                lastError = ex;
                lastProblem = $"no answer ({ex.Message})";
                onlyRefused &= ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
            }

            var elapsed = time.GetElapsedTime(started);
            // Nothing listens there: a running target does not start listening by waiting the whole timeout.
            if (elapsed >= limit || (onlyRefused && refusedLimit is { } refused && elapsed >= refused))
            {
                limit = elapsed < limit ? elapsed : limit;
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
        }

        throw new SystemUnderTestUnreachableException(
            $"The system under test at {SafeUrl.Of(baseAddress)} is not reachable: GET {SafeUrl.Of(url)} failed within {limit.TotalSeconds:0.#} s, " +
            $"{SafeUrl.Scrub(lastProblem, url)}. " +
            $"Start the system, or point the run parameter TargetUrl (PERF_TARGET_URL) at a running instance; " +
            $"ReadinessPath (PERF_READINESS_PATH) changes the path probed.",
            lastError);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
