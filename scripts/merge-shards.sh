#!/usr/bin/env bash
# Merges the shards of a sharded run (scripts/run-perf.sh --shard I/N, CI matrix jobs, pods) with
# perftests-merge, judges each test once on the merged load by its own budget (budgets/), and renders
# the Allure report. The exit code is the merge's: 0 passed, 1 breached or regressed, 2 not one run.
#
# Usage: scripts/merge-shards.sh [--profile pr|nightly|local] [--baseline DIR] [--output DIR]
#                                [--start-tolerance SECONDS] [--single-file] SHARDS_DIR...
#   SHARDS_DIR   a shard's output (artifacts/perf-shard-1-of-4/shards) or a folder of them (CI
#                artifact downloads); each test's shards are found below it
#   --profile    the runsettings profile the shards ran (its budget overlay and baseline gate)
#   --baseline   folder of an earlier run's summaries, compared with each merged run
# Output: artifacts/perf-merged/{allure-results,allure-report,summary.md,summaries}
set -euo pipefail
cd "$(dirname "$0")/.."

profile=pr baseline= out=artifacts/perf-merged report_args=() merge_args=() shards=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --profile) profile=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        --output) out=$2; shift 2 ;;
        --start-tolerance) merge_args+=(--start-tolerance "$2"); shift 2 ;;
        --single-file) report_args+=(--single-file); shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        -*) echo "merge-shards: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) shards+=("$(cd "$1" && pwd)"); shift ;;
    esac
done
[[ ${#shards[@]} -gt 0 ]] || { echo "merge-shards: name the shards' folders (see --help)" >&2; exit 2; }
settings=runsettings/$profile.runsettings
[[ -f $settings ]] || { echo "merge-shards: no $settings" >&2; exit 2; }
[[ -z $baseline ]] || merge_args+=(--baseline-dir "$(cd "$baseline" && pwd)")

tool=harness/Merge/bin/Release/net10.0/PerfTests.Merge.dll
[[ -f $tool ]] || dotnet build harness/Merge -c Release --nologo -v q
rm -rf "$out" && mkdir -p "$out"
status=0
dotnet "$tool" --budgets budgets --runsettings "$settings" --summary "$out/summary.md" --summary-dir "$out/summaries" \
    --allure-results "$out/allure-results" "${merge_args[@]}" "${shards[@]}" || status=$?
if [[ -d $out/allure-results ]]; then
    scripts/allure-report.sh --results "$out/allure-results" --output "$out/allure-report" "${report_args[@]}" \
        || echo "merge-shards: the Allure report could not be generated (the merge's verdict stands)" >&2
fi
echo "merge-shards: exit $status; summary $out/summary.md, report $out/allure-report"
exit $status
