using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>The collector script injected into pages, and reading its entries back.</summary>
internal static class EntryReader
{
    private const string ReadScript = """
        () => {
          const s = window.__perfVitals || { paints: [], lcp: [], shifts: [], events: [], longTasks: [], frames: [], errors: ['collector script missing'] };
          const nav = performance.getEntriesByType('navigation')[0];
          const resources = performance.getEntriesByType('resource')
            .map(r => ({ url: r.name, initiatorType: r.initiatorType, transferSize: r.transferSize,
              startTime: r.startTime, responseEnd: r.responseEnd, renderBlocking: r.renderBlockingStatus === 'blocking' }));
          if (nav) resources.unshift({ url: nav.name, initiatorType: 'navigation', transferSize: nav.transferSize,
            startTime: 0, responseEnd: nav.responseEnd, renderBlocking: false });
          return JSON.stringify(Object.assign({}, s, {
            responseStart: nav ? Math.max(0, nav.responseStart - (nav.activationStart || 0)) : 0,
            domContentLoaded: nav ? nav.domContentLoadedEventEnd : 0,
            resources,
          }));
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The init script: buffered PerformanceObservers writing into window.__perfVitals.</summary>
    public static string CollectorScript { get; } = LoadCollector();

    public static async Task<RawEntries> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(ReadScript).ConfigureAwait(false);
        return JsonSerializer.Deserialize<RawEntries>(json, Json)
            ?? throw new InvalidOperationException("The page returned no performance entries.");
    }

    private static string LoadCollector()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("vitals-collector.js")
            ?? throw new InvalidOperationException("vitals-collector.js is not embedded in PerfTests.Browser.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
