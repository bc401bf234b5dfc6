using PerfTests.Suites.Infrastructure;
using PerfTests.Suites.WebVitals;

namespace PerfTests.Suites;

/// <summary>Closes the browser and stops the last category's portal when the run ends, whatever failed before.</summary>
[SetUpFixture]
public sealed class SuitesTearDown
{
    [OneTimeTearDown]
    public async Task StopAsync()
    {
        try
        {
            await WebVitalsSuite.CloseBrowserAsync();
        }
        finally
        {
            await PortalSuite.StopAsync();
        }
    }
}
