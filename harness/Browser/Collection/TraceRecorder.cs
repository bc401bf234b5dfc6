using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>
/// Records a DevTools trace through the page's CDP session (Tracing domain, streamed back with IO.read),
/// in Chrome's JSON trace format, which DevTools' Performance panel and Perfetto open.
/// </summary>
internal sealed class TraceRecorder
{
    // What DevTools' Performance panel records: tasks, timeline events, screenshots, user timings, V8 execution.
    private static readonly string[] Categories =
    [
        "devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.frame",
        "disabled-by-default-devtools.screenshot", "toplevel", "blink.user_timing", "loading", "latencyInfo", "v8.execute",
    ];

    // A trace of one page load is a few MB; more means something runs away, and the report need not carry it.
    private const int MaxBytes = 64 * 1024 * 1024;

    private readonly ICDPSession cdp;
    private readonly TaskCompletionSource<string> stream = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TraceRecorder(ICDPSession cdp) => this.cdp = cdp;

    public static async Task<TraceRecorder> StartAsync(ICDPSession cdp)
    {
        var recorder = new TraceRecorder(cdp);
        cdp.Event("Tracing.tracingComplete").OnEvent += (_, e) =>
        {
            if (e is { } done && done.TryGetProperty("stream", out var handle) && handle.GetString() is { } id)
            {
                recorder.stream.TrySetResult(id);
            }
            else
            {
                recorder.stream.TrySetException(new InvalidOperationException("The browser ended the trace without a stream."));
            }
        };
        await cdp.SendAsync("Tracing.start", new()
        {
            ["transferMode"] = "ReturnAsStream",
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories },
        }).ConfigureAwait(false);
        return recorder;
    }

    /// <summary>Ends the trace and reads it back; null when it exceeds the size bound or the browser sent none in time.</summary>
    public async Task<byte[]?> StopAsync()
    {
        await cdp.SendAsync("Tracing.end").ConfigureAwait(false);
        var handle = await stream.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        using var trace = new MemoryStream();
        try
        {
            while (true)
            {
                var chunk = await cdp.SendAsync("IO.read", new() { ["handle"] = handle, ["size"] = 1 << 20 }).ConfigureAwait(false);
                if (chunk is not { } part)
                {
                    return null;
                }

                var data = part.GetProperty("data").GetString() ?? string.Empty;
                var bytes = part.TryGetProperty("base64Encoded", out var b64) && b64.GetBoolean() ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(data);
                trace.Write(bytes);
                if (trace.Length > MaxBytes)
                {
                    return null;
                }

                if (part.TryGetProperty("eof", out var eof) && eof.GetBoolean())
                {
                    return trace.ToArray();
                }
            }
        }
        finally
        {
            await cdp.SendAsync("IO.close", new() { ["handle"] = handle }).ConfigureAwait(false);
        }
    }
}
