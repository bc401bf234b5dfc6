using System.Diagnostics;

namespace Harness.Tests.Workflows;

/// <summary>scripts/summarize-trx.sh: the CI summary line says "warned" for a test past a warn limit and "inconclusive" for a breach the machine may have made, not "skipped".</summary>
[TestFixture]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SummarizeTrxTests
{
    // The shape NUnit's adapter writes (checked against a real run): a warning and an ignore are both
    // "NotExecuted"; only the message tells them apart.
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testName="Warns" outcome="NotExecuted">
              <Output>
                <StdOut>Warning: Budget 'load': 1 metric(s) past the warn limit</StdOut>
                <ErrorInfo>
                  <Message>Warning: Budget 'load': 1 metric(s) past the warn limit</Message>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult testName="Ignored" outcome="NotExecuted">
              <Output>
                <ErrorInfo>
                  <Message>not here</Message>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult testName="Unsure" outcome="NotExecuted">
              <Output>
                <ErrorInfo>
                  <Message>Inconclusive: the budget was breached while the environment was disturbed</Message>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult testName="Passes" outcome="Passed" />
            <UnitTestResult testName="Fails" outcome="Failed">
              <Output>
                <ErrorInfo>
                  <Message>Warning: a failed test that quotes a warning is still failed</Message>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
          </Results>
          <ResultSummary outcome="Failed">
            <Counters total="5" executed="2" passed="1" failed="1" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
          </ResultSummary>
        </TestRun>
        """;

    [Test]
    public void Summary_WarningInconclusiveIgnoreAndFailure_CountedApart()
    {
        var folder = Directory.CreateTempSubdirectory("perf-trx-").FullName;
        File.WriteAllText(Path.Combine(folder, "run.trx"), Trx);
        using var script = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepositoryFiles.Root, "scripts", "summarize-trx.sh"), folder])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = script.StandardOutput.ReadToEnd().Trim();
        script.WaitForExit();
        Directory.Delete(folder, recursive: true);

        Assert.That(output, Is.EqualTo("tests: 1 passed, 1 warned, 1 inconclusive, 1 failed, 1 skipped"));
    }
}
