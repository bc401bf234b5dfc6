namespace PerfTests.Browser;
