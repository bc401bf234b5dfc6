// Every test is recorded for the Allure report (the AllureResultsDir setting, ALLURE_RESULTS_DIR, or allure-results).
[assembly: AllureResults]

// Performance tests measure the machine: two at once would measure each other.
[assembly: Parallelizable(ParallelScope.None)]
