namespace PerfTests.Analysis;
