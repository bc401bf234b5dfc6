// Allure 3 configuration used by scripts/allure-report.sh.
// The awesome report ignores categories.json, so the categories live here too: keep them in sync
// with harness/Reporting/Writing/DefaultCategories.cs. Regexes are written [\s\S]*X[\s\S]* so they
// also match whole multi-line messages the way Allure 2 requires. First match wins.
const env = process.env;

export default {
  name: env.ALLURE_REPORT_NAME || "PerfTests",
  // Trend data across runs (persist this file between CI runs, e.g. with actions/cache).
  historyPath: env.ALLURE_HISTORY_PATH || "./.perf/allure-history.jsonl",
  historyLimit: 50,
  categories: {
    rules: [
      {
        name: "Budget breach",
        matchedStatuses: ["failed"],
        messageRegex: "[\\s\\S]*Budget '[^']*' breached[\\s\\S]*",
      },
      {
        name: "Regression",
        matchedStatuses: ["failed"],
        messageRegex: "[\\s\\S]*[Rr]egress(ed|ion)[\\s\\S]*",
      },
      {
        name: "Environment failure",
        matchedStatuses: ["broken"],
        messageRegex:
          "[\\s\\S]*(ContainerRuntimeUnavailable|SystemUnderTestUnreachable|is not reachable|[Cc]ontainer|[Dd]ocker|[Pp]odman|[Tt]estcontainers|[Cc]onnection refused|[Ss]ocket|[Ee]nvironment|[Tt]imed? ?out)[\\s\\S]*",
      },
    ],
  },
  plugins: {
    awesome: {
      options: {
        reportName: env.ALLURE_REPORT_NAME || "PerfTests",
        singleFile: env.ALLURE_SINGLE_FILE === "1",
        groupBy: ["parentSuite", "suite", "subSuite"],
      },
    },
  },
};
