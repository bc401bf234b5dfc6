using System.Text.Json;
using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>One screencast frame: JPEG bytes and its time in ms since the page's navigation start.</summary>
internal sealed record FilmstripFrame(double TimeMs, byte[] Jpeg);

/// <summary>Records CDP screencast frames (the DevTools filmstrip's source) during a run.</summary>
internal sealed class ScreencastRecorder
{
    private readonly List<(double EpochMs, byte[] Jpeg)> frames = [];
    private readonly ICDPSession cdp;

    private ScreencastRecorder(ICDPSession cdp) => this.cdp = cdp;

    public static async Task<ScreencastRecorder> StartAsync(ICDPSession cdp)
    {
        var recorder = new ScreencastRecorder(cdp);
        cdp.Event("Page.screencastFrame").OnEvent += recorder.OnFrame;
        await cdp.SendAsync("Page.startScreencast", new() { ["format"] = "jpeg", ["quality"] = 50, ["maxWidth"] = 480, ["maxHeight"] = 360 })
            .ConfigureAwait(false);
        return recorder;
    }

    /// <summary>Stops recording; frame times are made relative to <paramref name="timeOriginEpochMs"/> (performance.timeOrigin).</summary>
    public async Task<IReadOnlyList<FilmstripFrame>> StopAsync(double timeOriginEpochMs)
    {
        await cdp.SendAsync("Page.stopScreencast").ConfigureAwait(false);
        lock (frames)
        {
            return [.. frames.Select(f => new FilmstripFrame(f.EpochMs - timeOriginEpochMs, f.Jpeg)).OrderBy(f => f.TimeMs)];
        }
    }

    private void OnFrame(object? sender, JsonElement? e)
    {
        if (e is not { } frame)
        {
            return;
        }

        var data = Convert.FromBase64String(frame.GetProperty("data").GetString() ?? string.Empty);
        var timestamp = frame.GetProperty("metadata").TryGetProperty("timestamp", out var t) ? t.GetDouble() * 1000 : 0;
        lock (frames)
        {
            frames.Add((timestamp, data));
        }

        // Chromium sends the next frame only after the previous one is acknowledged.
        _ = cdp.SendAsync("Page.screencastFrameAck", new() { ["sessionId"] = frame.GetProperty("sessionId").GetInt32() });
    }
}
