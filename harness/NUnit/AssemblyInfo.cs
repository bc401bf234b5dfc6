namespace PerfTests.NUnit;
