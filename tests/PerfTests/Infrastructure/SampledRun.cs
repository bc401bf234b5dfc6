using PerfTests.Load.Results;
using PerfTests.Resources;

namespace PerfTests.Suites.Infrastructure;

/// <summary>A load run together with the resources sampled while it ran.</summary>
internal sealed record SampledRun(LoadRunResult Run, ResourceReport Resources);
