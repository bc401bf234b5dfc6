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

    // Lighthouse's two loops as it writes them (page-functions.js, computeBenchmarkIndex): a packed array,
    // its own loop per part, each part rounded, so the index compares with the one in Lighthouse reports.
    private const string Script = """
        () => {
          const perSecond = (iterations, start) => Math.round(iterations / 10 / ((Date.now() - start) / 1000));
          const strings = () => {
            const start = Date.now();
            let iterations = 0;
            while (Date.now() - start < 500) {
              let text = '';
              for (let i = 0; i < 10000; i++) text += 'a';
              if (text.length === 1) throw new Error('keeps the loop from being optimised away');
              iterations++;
            }
            return perSecond(iterations, start);
          };
          const copies = () => {
            const a = [], b = [];
            for (let i = 0; i < 100000; i++) a[i] = b[i] = i;
            const start = Date.now();
            let iterations = 0;
            // Date.now() on every 10th round only: a tight loop around it hits an alignment cliff on some Intel CPUs.
            while (iterations % 10 !== 0 || Date.now() - start < 500) {
              const from = iterations % 2 === 0 ? a : b, to = iterations % 2 === 0 ? b : a;
              for (let i = 0; i < from.length; i++) to[i] = from[i];
              iterations++;
            }
            return perSecond(iterations, start);
          };
          return (strings() + copies()) / 2;
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
