#!/usr/bin/env bash
# How far can the baseline gate be trusted on this machine? Runs the PR-profile Load test as separate
# `dotnet test` processes (each a fresh environment, like a CI run): run 0 saves the baseline, then N
# same-code runs and N runs with the sample system slowed down by PCT %, alternating (same/slow, then
# slow/same) so machine noise hits both arms alike. Every run goes through the real gate against run 0
# (PERF_BASELINE_DIR) and is tallied from the comparison JSON the suite writes next to its summary.
#
# --mode side-by-side measures the side-by-side A/B test instead (PortalSideBySideTests: baseline and
# candidate portal loaded in the same seconds of ONE run): run 0 calibrates (no injection) and gives the
# smallest baseline-arm median interval p95 over scenarios; c = PCT % of it in microseconds; then N
# same-code runs and N runs whose candidate has SampleSystem:ExtraLatencyUs=c, alternating.
#
# Usage: scripts/measure-gate-trust.sh [--mode single|side-by-side] [--runs N] [--slowdown PCT]
#   --mode      single (default): one run vs run 0; side-by-side: both arms in one run
#   --runs      same-code runs and slowed runs each (default 20; every run takes about a minute)
#   --slowdown  single: SampleSystem__SlowdownPercent of the slowed arm; side-by-side: the injected
#               constant delay as % of the fastest scenario's p95 (default 15)
# Output: artifacts/gate-trust/results.md (side-by-side: artifacts/gate-trust-side-by-side/results.md):
#         false regressions x/N, caught y/N, median p95 change per arm, budget (side-by-side: error)
#         failures counted apart; one folder per run (summaries, comparison, log, trx).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20 slowdown=15 mode=single
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mode) mode=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --slowdown) slowdown=$2; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "measure-gate-trust: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ $runs =~ ^[1-9][0-9]*$ && $slowdown =~ ^[1-9][0-9]*$ ]] || { echo "measure-gate-trust: --runs and --slowdown take positive integers" >&2; exit 2; }
[[ $mode == single || $mode == side-by-side ]] || { echo "measure-gate-trust: --mode is single or side-by-side, not '$mode'" >&2; exit 2; }
command -v jq > /dev/null || { echo "measure-gate-trust: needs jq (apt-get install jq)" >&2; exit 2; }

out=artifacts/gate-trust
[[ $mode == single ]] || out=artifacts/gate-trust-side-by-side
rm -rf "$out" && mkdir -p "$out"
scripts/setup-containers.sh
# Nothing from the caller's shell may change what is measured.
unset PERF_BASELINE_DIR PERF_TARGET_URL PERF_BASELINE_TARGET_URL PERF_CANDIDATE_SETTINGS SampleSystem__SlowdownPercent SampleSystem__ExtraLatencyUs GITHUB_STEP_SUMMARY
dotnet build tests/PerfTests -c Release --nologo -v q
if [[ $mode == side-by-side ]]; then exec scripts/gate-trust/side-by-side.sh "$out" "$runs" "$slowdown"; fi

# run_one NAME ARM: ARM is baseline, same or slow. Prints one tally line (TSV).
run_one() {
    local name=$1 arm=$2 dir=$PWD/$out/$1 status=0
    mkdir -p "$dir"
    local -a env=(ALLURE_RESULTS_DIR="$dir/allure-results" PERF_SUMMARY_FILE="$dir/summary.md" PERF_SUMMARY_DIR="$dir/summaries")
    [[ $arm == baseline ]] || env+=(PERF_BASELINE_DIR="$PWD/$out/run-00/summaries")
    [[ $arm == slow ]] && env+=(SampleSystem__SlowdownPercent="$slowdown")
    echo "measure-gate-trust: $name ($arm) ..." >&2
    env "${env[@]}" dotnet test tests/PerfTests -c Release --no-build --nologo -s runsettings/pr.runsettings \
        --filter "FullyQualifiedName~PortalLoadTests" --logger "trx;LogFileName=run.trx" --results-directory "$dir" \
        > "$dir/test.log" 2>&1 || status=$?
    local comparison
    comparison=$(find "$dir/summaries" -name '*.comparison.json' 2> /dev/null | head -n 1)
    if [[ -z $comparison ]]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$arm" "no-result" "-" "$status" "-"
        return
    fi
    # Per run: the gate's status, whether it called a regression, the budget verdict, the test's exit
    # code, and the median over scenarios of the change of the median interval p95.
    jq -r --arg name "$name" --arg arm "$arm" --arg status "$status" '
        ([.scenarios[].change | select(. != null)] | sort) as $c
        | ($c | length) as $n
        | [$name, $arm, .status, (if .regressed then "yes" else "no" end), $status,
           (if .budgetFailed then "yes" else "no" end),
           (if $n == 0 then "-" elif $n % 2 == 1 then $c[($n - 1) / 2] else ($c[$n / 2 - 1] + $c[$n / 2]) / 2 end | tostring)]
        | @tsv' "$comparison"
}

tally=$PWD/$out/tally.tsv
run_one run-00 baseline > "$tally"
[[ -n $(find "$out/run-00/summaries" -name '*.json' ! -name '*.comparison.json' 2> /dev/null) ]] \
    || { echo "measure-gate-trust: the baseline run saved no summary (see $out/run-00/test.log)" >&2; exit 1; }
for ((i = 1; i <= runs; i++)); do
    if ((i % 2 == 1)); then order=(same slow); else order=(slow same); fi
    for arm in "${order[@]}"; do
        run_one "$(printf 'run-%02d-%s' "$i" "$arm")" "$arm" >> "$tally"
    done
done

# Columns: name arm status regressed exit budgetFailed change
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
count() { awk -F'\t' -v arm="$1" -v col="$2" -v value="$3" '$2 == arm && $col == value { n++ } END { print n + 0 }' "$tally"; }
percent() { awk -v v="$1" 'BEGIN { if (v == "-") print "-"; else printf "%+.1f%%", v * 100 }'; }
change_of() { awk -F'\t' -v arm="$1" '$2 == arm && $7 != "-" { print $7 }' "$tally" | median; }
{
    echo "# Gate trust: one run vs one baseline, PR profile Load test"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2> /dev/null || echo unknown), $runs runs per arm, slowdown $slowdown %, baseline = run 0, arms alternating."
    echo
    echo "| | same code | slowed by $slowdown % |"
    echo "|---|---|---|"
    echo "| gate said Regressed | false regressions $(count same 4 yes)/$runs | caught $(count slow 4 yes)/$runs |"
    echo "| median measured p95 change (median interval p95, median over scenarios) | $(percent "$(change_of same)") | $(percent "$(change_of slow)") |"
    echo "| budget failed (counted apart from the gate) | $(count same 6 yes)/$runs | $(count slow 6 yes)/$runs |"
    echo "| test failed (exit code, either cause) | $((runs - $(count same 5 0)))/$runs | $((runs - $(count slow 5 0)))/$runs |"
    echo "| no comparison written | $(count same 3 no-result)/$runs | $(count slow 3 no-result)/$runs |"
    echo
    echo "Baseline run: exit code $(awk -F'\t' 'NR == 1 { print $5 }' "$tally"), budget failed: $(awk -F'\t' 'NR == 1 { print $6 }' "$tally")."
    echo
    echo "| run | arm | gate status | regressed | exit | budget failed | p95 change |"
    echo "|---|---|---|---|---|---|---|"
    awk -F'\t' -v OFS=' | ' '{ c = $7; if (c != "-") c = sprintf("%+.1f%%", c * 100); print "| " $1, $2, $3, $4, $5, $6, c " |" }' "$tally"
} > "$out/results.md"
cat "$out/results.md"
