using PerfTests;


// Every test of the suites is recorded in allure-results (ALLURE_RESULTS_DIR or <repo>/allure-results).
[assembly: AllureResults]

// Performance tests measure the machine: two at once would measure each other.
[assembly: Parallelizable(ParallelScope.None)]
