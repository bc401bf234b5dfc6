namespace PerfTests.Failover;
