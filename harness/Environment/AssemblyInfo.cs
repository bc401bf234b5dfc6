namespace PerfTests.Environment;
