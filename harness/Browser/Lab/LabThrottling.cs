using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>Applies <see cref="LabConditions"/> to a page through a CDP session (Chromium only).</summary>
internal static class LabThrottling
{
    public static async Task ApplyAsync(ICDPSession cdp, LabConditions conditions)
    {
        if (conditions.CpuSlowdown > 1)
        {
            await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = conditions.CpuSlowdown }).ConfigureAwait(false);
        }

        if (conditions.Network is { } network)
        {
            await cdp.SendAsync("Network.enable").ConfigureAwait(false);
            await cdp.SendAsync("Network.emulateNetworkConditions", new()
            {
                ["offline"] = false,
                ["latency"] = network.RequestLatencyMs,
                ["downloadThroughput"] = network.DownloadBytesPerSecond,
                ["uploadThroughput"] = network.UploadBytesPerSecond,
            }).ConfigureAwait(false);
        }
    }
}
