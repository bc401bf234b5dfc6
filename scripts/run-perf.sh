#!/usr/bin/env bash
# The main job: runs performance suites against the bundled sample portal (real PostgreSQL and
# Redis containers, WireMock market-prices service, the portal on Kestrel over loopback), then
# renders the Allure report. Does its own set-up and is safe to run again.
#
# Usage: scripts/run-perf.sh [--category NAME] [--profile pr|nightly|local] [--baseline DIR] [--single-file]
#                            [--filter EXPR] [--shard I/N [--start-at ISO]] [--output DIR] [--no-build]
#   --category     NUnit category to run: Load, Stress, Spike, Endurance, WebVitals, Failover, AB;
#                  several joined by commas (Load,WebVitals); default Load; "all" runs every category
#   --profile      runsettings/<profile>.runsettings: duration scale and budget overlay (default: pr)
#   --baseline     folder of an earlier run's summaries (e.g. a copy of artifacts/perf/summaries, or
#                  main's perf-baseline artifact): each test is compared with its own and a regression
#                  fails it; a test without one there is judged by budgets only
#   --single-file  render the report as one index.html that opens from file://
#   --filter       narrows the category further (an NUnit filter, e.g. Name~WeightedMix)
#   --shard        run shard I of N of every test (PERF_SHARD): its output goes to DIR/shards for
#                  scripts/merge-shards.sh, which judges and reports; no report is rendered here
#   --start-at     the instant all shards start their load (PERF_SHARD_START_AT, e.g. 2026-12-07T06:00:00Z)
#   --output       the output folder (default artifacts/perf; artifacts/perf-shard-I-of-N with --shard)
#   --no-build     run the test build already there (several shards at once on one machine)
# Output: artifacts/perf/allure-results, artifacts/perf/allure-report, artifacts/perf/summary.md,
#         artifacts/perf/*.trx, artifacts/perf/summaries (one run summary per test: the next
#         baseline). The exit code is the test run's: a breached budget or a regression fails the job.
set -euo pipefail
cd "$(dirname "$0")/.."

category=Load profile=pr baseline= report_args=() extra_filter= shard= start_at= out= build=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --category) category=$2; shift 2 ;;
        --profile) profile=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        --single-file) report_args+=(--single-file); shift ;;
        --filter) extra_filter=$2; shift 2 ;;
        --shard) shard=$2; shift 2 ;;
        --start-at) start_at=$2; shift 2 ;;
        --output) out=$2; shift 2 ;;
        --no-build) build=(--no-build); shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "run-perf: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
settings=runsettings/$profile.runsettings
[[ -f $settings ]] || { echo "run-perf: no $settings" >&2; exit 2; }

[[ -z $start_at || -n $shard ]] || { echo "run-perf: --start-at is the shards' start; it needs --shard" >&2; exit 2; }
if [[ -n $shard ]]; then
    [[ $shard =~ ^[0-9]+/[0-9]+$ ]] || { echo "run-perf: --shard '$shard' must be I/N, e.g. 2/4" >&2; exit 2; }
    out=${out:-artifacts/perf-shard-${shard%/*}-of-${shard#*/}}
fi
out=${out:-artifacts/perf}
unset PERF_BASELINE_DIR PERF_SHARD PERF_SHARD_DIR PERF_SHARD_START_AT
if [[ -n $baseline ]]; then
    [[ -d $baseline ]] || { echo "run-perf: baseline folder $baseline does not exist" >&2; exit 2; }
    PERF_BASELINE_DIR=$(cd "$baseline" && pwd)
    # The output folder is emptied below: a baseline inside it would be deleted before use.
    case "$PERF_BASELINE_DIR/" in "$PWD/$out/"*) echo "run-perf: copy the baseline out of $out first (it is emptied on every run)" >&2; exit 2 ;; esac
    export PERF_BASELINE_DIR
fi
rm -rf "$out" && mkdir -p "$out"
export ALLURE_RESULTS_DIR=$PWD/$out/allure-results
export PERF_SUMMARY_FILE=$PWD/$out/summary.md
export PERF_SUMMARY_DIR=$PWD/$out/summaries
if [[ -n $shard ]]; then
    export PERF_SHARD=$shard PERF_SHARD_DIR=$PWD/$out/shards
    [[ -z $start_at ]] || export PERF_SHARD_START_AT=$start_at
    echo "run-perf: shard $shard${start_at:+, load from $start_at}; output for the merge in $out/shards"
fi
if [[ -n $baseline ]]; then
    echo "run-perf: comparing with the baseline summaries in $baseline"
else
    printf '%s\n\n' "No baseline given: judged by budgets only (this run's summaries: $out/summaries)." >> "$PERF_SUMMARY_FILE"
fi

scripts/setup-containers.sh
# Chromium only when a browser suite may run (WebVitals, or every category).
if [[ ,$category, == *,WebVitals,* || $category == all ]]; then scripts/setup-browser.sh; fi

filter=()
# Load,WebVitals -> Category=Load|Category=WebVitals
[[ $category == all ]] || filter=(--filter "Category=${category//,/|Category=}")
if [[ -n $extra_filter ]]; then
    filter=(--filter "${filter[1]:+(${filter[1]})&}($extra_filter)")
fi

status=0
dotnet test tests/PerfTests -c Release --nologo "${build[@]}" -s "$settings" "${filter[@]}" \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=perf.trx" --results-directory "$out" \
    || status=$?

scripts/summarize-trx.sh "$out"
if [[ -n $shard ]]; then
    # A shard's share is judged and reported once merged (scripts/merge-shards.sh).
    echo "run-perf: shard $shard done; merge: scripts/merge-shards.sh --profile $profile $out/shards ..."
    exit $status
fi
# The report is written whatever the verdict: a failed gate is when people read it most.
scripts/allure-report.sh --results "$out/allure-results" --output "$out/allure-report" "${report_args[@]}" \
    || echo "run-perf: the Allure report could not be generated (the test verdict stands)" >&2
echo "run-perf: report in $out/allure-report (serve it: scripts/allure/node_modules/.bin/allure open $out/allure-report)"
exit $status
