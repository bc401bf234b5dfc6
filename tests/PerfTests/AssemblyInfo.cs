namespace PerfTests.Suites;
