using System.Globalization;
using PerfTests.GateTrust;

// Re-judges the runs of scripts/measure-gate-trust.sh with the real BaselineComparer at several
// minimum effect sizes, so the trade-off between false regressions and caught slowdowns is read off
// real same-code and slowed runs instead of a simulation.
// Usage: GateTrust <gate-trust folder> [--min-effect 0.1,0.2,0.3] [--alpha 0.01]
//        GateTrust --side-by-side <gate-trust-side-by-side folder>
if (args.Length == 2 && args[0] == "--side-by-side")
{
    Console.WriteLine(SideBySideReplay.Markdown(args[1]));
    return 0;
}

if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: GateTrust <gate-trust folder> [--min-effect 0.1,0.2,0.3] [--alpha 0.01] | GateTrust --side-by-side <folder>");
    return 2;
}

var effects = (Option("--min-effect") ?? "0.1,0.15,0.2,0.3,0.4,0.5")
    .Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
var alpha = double.Parse(Option("--alpha") ?? "0.01", CultureInfo.InvariantCulture);

var runs = GateTrustRuns.Load(args[0]);
Console.WriteLine(GateTrustSweep.Markdown(runs, effects, alpha));
return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
