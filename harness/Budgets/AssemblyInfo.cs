namespace PerfTests.Budgets;
