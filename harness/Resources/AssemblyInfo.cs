namespace PerfTests.Resources;
