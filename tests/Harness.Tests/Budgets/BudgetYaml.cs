namespace Harness.Tests.Budgets;

/// <summary>Small budget texts shared by the budget tests.</summary>
internal static class BudgetYaml
{
    public const string Crud = """
        suite: load
        scenarios:
          clients-list:
            tiers:
              p(95): { target: 150ms, warn: 250ms, fail: 500ms }
              rate: { target: 0.1%, warn: 1%, fail: 5% }
              rps: { target: 1000/s, warn: 500/s, fail: 100/s }
            thresholds:
              - dropped == 0
            steps:
              fetch:
                thresholds:
                  - p(99) < 1s
        """;
}
