namespace PerfTests.Reporting;
