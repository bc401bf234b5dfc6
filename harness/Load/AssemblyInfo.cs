namespace PerfTests.Load;
