namespace PerfTests;
