#!/usr/bin/env bash
# Generates the HTML report from allure-results with the Allure 3 CLI pinned in scripts/allure.
# Installs the CLI locally (scripts/setup-allure.sh: scripts/allure/node_modules, never globally) when missing or outdated,
# deletes the previous report first (Allure 3 has no --clean) and keeps trends in a history file.
#
# Usage: scripts/allure-report.sh [--results DIR] [--output DIR] [--history FILE] [--name NAME] [--single-file]
#   --results      allure-results folder (default: $ALLURE_RESULTS_DIR or allure-results)
#   --output       report folder, deleted and recreated (default: allure-report)
#   --history      JSONL trend history, kept across runs (default: .perf/allure-history.jsonl)
#   --name         report title (default: PerfTests)
#   --single-file  one self-contained index.html that opens from file:// (multi-file reports must be
#                  served over HTTP: `scripts/allure/node_modules/.bin/allure open allure-report`)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

results=${ALLURE_RESULTS_DIR:-allure-results}
output=allure-report
history=.perf/allure-history.jsonl
name=PerfTests
single_file=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --results) results=$2; shift 2 ;;
        --output) output=$2; shift 2 ;;
        --history) history=$2; shift 2 ;;
        --name) name=$2; shift 2 ;;
        --single-file) single_file=1; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "allure-report: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

abspath() { case "$1" in /*) echo "$1" ;; *) echo "$root/$1" ;; esac; }
results=$(abspath "$results")
output=$(abspath "$output")
history=$(abspath "$history")

if [[ ! -d "$results" ]] || [[ -z "$(ls -A "$results")" ]]; then
    echo "allure-report: no results in $results (run the tests first)" >&2
    exit 1
fi

# Idempotent install (node/npm when missing, the pinned CLI when not already there).
scripts/setup-allure.sh
tool_dir=scripts/allure

rm -rf "$output"
mkdir -p "$(dirname "$history")"

ALLURE_HISTORY_PATH="$history" ALLURE_SINGLE_FILE="$single_file" ALLURE_REPORT_NAME="$name" \
    node "$tool_dir/node_modules/allure/cli.js" generate "$results" \
    --config "$root/$tool_dir/allurerc.mjs" --output "$output"

echo "allure-report: report in $output (history: $history)"
if [[ $single_file == 1 ]]; then
    echo "allure-report: open $output/index.html directly"
else
    echo "allure-report: serve it over HTTP, e.g. $tool_dir/node_modules/.bin/allure open $output"
fi
