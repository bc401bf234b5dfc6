using Microsoft.Playwright;

namespace PerfTests.Browser;

/// <summary>
/// The machine's CPU benchmark index, measured the way Lighthouse measures its <c>benchmarkIndex</c>:
/// in a blank page, how many rounds per second of a string-building loop (allocation and GC) and of an
/// array copy (no GC) the main thread manages in half a second each, divided by 10 (Lighthouse's scale),
/// averaged. Recorded with every
/// run so a slow or busy runner is visible next to the numbers it produced; Lighthouse's devtools
/// throttling is not calibrated to it, and neither is ours.
/// </summary>
internal static class CpuBenchmark
{
    /// <summary>Below this Lighthouse warns that the host is too slow for its 4x mobile slowdown to mean a mid-range phone.</summary>
    public const double SlowHostBelow = 1000;

    private const string Script = """
        () => {
          const rounds = (work) => {
            const start = Date.now();
            let n = 0;
            while (n % 10 !== 0 || Date.now() - start < 500) { work(n); n++; }
            return n / 10 / ((Date.now() - start) / 1000);
          };
          const strings = rounds(() => {
            let text = '';
            for (let i = 0; i < 10000; i++) text += 'a';
            if (text.length === 1) throw new Error('keeps the loop from being optimised away');
          });
          const a = new Array(100000).fill(0).map((_, i) => i), b = a.slice();
          const copies = rounds(n => {
            const [from, to] = n % 2 === 0 ? [a, b] : [b, a];
            for (let i = 0; i < from.length; i++) to[i] = from[i];
          });
          return Math.round((strings + copies) / 2);
        }
        """;

    /// <summary>Runs the benchmark once in a fresh, unthrottled page.</summary>
    public static async Task<double> MeasureAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync().ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var page = await context.NewPageAsync().ConfigureAwait(false);
            return await page.EvaluateAsync<double>(Script).ConfigureAwait(false);
        }
    }
}
