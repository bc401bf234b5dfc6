namespace PerfTests.Containers;
