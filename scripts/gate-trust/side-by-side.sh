#!/usr/bin/env bash
# The side-by-side half of scripts/measure-gate-trust.sh (--mode side-by-side); run that, not this.
# Expects the containers' environment loaded and tests/PerfTests built (Release).
# Arguments: OUT RUNS PCT. Run 0 calibrates: a side-by-side run without injection whose comparison
# gives the smallest baseline-arm median interval p95 over scenarios; c = PCT % of it (µs). Then RUNS
# same-code runs and RUNS runs injecting SampleSystem:ExtraLatencyUs=c into the candidate only,
# alternating (same/injected, then injected/same), each a separate `dotnet test` process.
set -euo pipefail
out=$1 runs=$2 pct=$3

# run_one NAME ARM [SETTINGS]: ARM is calibration, same or injected. Prints one tally line (TSV).
run_one() {
    local name=$1 arm=$2 settings=${3:-} dir=$PWD/$out/$1 status=0
    mkdir -p "$dir"
    local -a env=(ALLURE_RESULTS_DIR="$dir/allure-results" PERF_SUMMARY_FILE="$dir/summary.md" PERF_SUMMARY_DIR="$dir/summaries")
    [[ -n $settings ]] && env+=(PERF_CANDIDATE_SETTINGS="$settings")
    echo "measure-gate-trust: $name ($arm${settings:+, $settings}) ..." >&2
    env "${env[@]}" dotnet test tests/PerfTests -c Release --no-build --nologo -s runsettings/pr.runsettings \
        --filter "FullyQualifiedName~PortalSideBySideTests" --logger "trx;LogFileName=run.trx" --results-directory "$dir" \
        > "$dir/test.log" 2>&1 || status=$?
    local comparison
    comparison=$(find "$dir/summaries" -name '*.comparison.json' 2> /dev/null | head -n 1)
    if [[ -z $comparison ]]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$arm" "no-result" "-" "$status" "-" "-" "-"
        return
    fi
    # Per run: the gate's status, whether it called a regression, whether an arm had too many errors,
    # the test's exit code, the median over scenarios of the candidate arm's change of the median
    # interval p95, and the smallest change (the fastest scenario's, where the injection is largest).
    jq -r --arg name "$name" --arg arm "$arm" --arg status "$status" '
        def median: sort | length as $n | if $n == 0 then "-" elif $n % 2 == 1 then .[($n - 1) / 2] else (.[$n / 2 - 1] + .[$n / 2]) / 2 end;
        [.scenarios[] | select(.change != null)] as $s
        | ($s | min_by(.baselineMedianUs) | .change // "-") as $fastest
        | [$name, $arm, .status, (if .regressed then "yes" else "no" end), $status,
           (if .budgetFailed then "yes" else "no" end),
           ([$s[].change] | median | tostring), (if $s == [] then "-" else ($fastest | tostring) end)]
        | @tsv' "$comparison"
}

tally=$PWD/$out/tally.tsv
run_one run-00 calibration > "$tally"
calibration=$(find "$out/run-00/summaries" -name '*.comparison.json' 2> /dev/null | head -n 1)
[[ -n $calibration ]] || { echo "measure-gate-trust: the calibration run wrote no comparison (see $out/run-00/test.log)" >&2; exit 1; }
# The fastest scenario sets c, so every other scenario gets less than PCT %: the measurement is conservative.
read -r fastest fastest_us < <(jq -r '[.scenarios[] | select(.baselineMedianUs != null)] | min_by(.baselineMedianUs) | "\(.scenario) \(.baselineMedianUs)"' "$calibration")
[[ $fastest_us =~ ^[0-9.]+$ ]] || { echo "measure-gate-trust: no baseline-arm median in $calibration" >&2; exit 1; }
c=$(awk -v us="$fastest_us" -v pct="$pct" 'BEGIN { printf "%d", us * pct / 100 + 0.5 }')
((c > 0)) || { echo "measure-gate-trust: $pct % of $fastest_us µs rounds to 0 µs" >&2; exit 1; }
echo "measure-gate-trust: smallest baseline-arm median interval p95: $fastest ${fastest_us} µs; injecting c = $c µs ($pct %)" >&2
for ((i = 1; i <= runs; i++)); do
    if ((i % 2 == 1)); then order=(same injected); else order=(injected same); fi
    for arm in "${order[@]}"; do
        settings=
        [[ $arm == injected ]] && settings="SampleSystem:ExtraLatencyUs=$c"
        run_one "$(printf 'run-%02d-%s' "$i" "$arm")" "$arm" "$settings" >> "$tally"
    done
done

# Columns: name arm status regressed exit errorsFailed change fastestChange
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
count() { awk -F'\t' -v arm="$1" -v col="$2" -v value="$3" '$2 == arm && $col == value { n++ } END { print n + 0 }' "$tally"; }
percent() { awk -v v="$1" 'BEGIN { if (v == "-") print "-"; else printf "%+.1f%%", v * 100 }'; }
change_of() { awk -F'\t' -v arm="$1" -v col="${2:-7}" '$2 == arm && $col != "-" { print $col }' "$tally" | median; }
{
    echo "# Gate trust: side by side (baseline and candidate instance in the same run), PR profile"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2> /dev/null || echo unknown), $runs runs per arm, arms alternating;"
    echo "each run loads a baseline and a candidate portal at the same time (half the Load mix's rate each) and compares them."
    echo "Injected: SampleSystem:ExtraLatencyUs=$c on the candidate only = $pct % of the smallest baseline-arm median interval p95"
    echo "in the calibration run ($fastest, ${fastest_us} µs). Every other scenario is slower, so it gets less than $pct %:"
    echo "the caught count is conservative (only the fastest scenarios carry a full $pct % regression)."
    echo
    echo "| | same code | candidate +$c µs |"
    echo "|---|---|---|"
    echo "| gate said Regressed | false regressions $(count same 4 yes)/$runs | caught $(count injected 4 yes)/$runs |"
    echo "| median candidate-vs-baseline p95 change (median interval p95, median over scenarios) | $(percent "$(change_of same)") | $(percent "$(change_of injected)") |"
    echo "| median p95 change of the fastest scenario | $(percent "$(change_of same 8)") | $(percent "$(change_of injected 8)") |"
    echo "| an arm had more than 2 % errors | $(count same 6 yes)/$runs | $(count injected 6 yes)/$runs |"
    echo "| test failed (exit code, either cause) | $((runs - $(count same 5 0)))/$runs | $((runs - $(count injected 5 0)))/$runs |"
    echo "| no comparison written | $(count same 3 no-result)/$runs | $(count injected 3 no-result)/$runs |"
    echo
    echo "Calibration run (same code, not counted above): gate status $(awk -F'\t' 'NR == 1 { print $3 }' "$tally"), exit code $(awk -F'\t' 'NR == 1 { print $5 }' "$tally")."
    echo
    echo "| run | arm | gate status | regressed | exit | errors failed | p95 change (median) | fastest scenario |"
    echo "|---|---|---|---|---|---|---|---|"
    awk -F'\t' -v OFS=' | ' '{ c = $7; if (c != "-") c = sprintf("%+.1f%%", c * 100); f = $8; if (f != "-") f = sprintf("%+.1f%%", f * 100); print "| " $1, $2, $3, $4, $5, $6, c, f " |" }' "$tally"
} > "$out/results.md"
cat "$out/results.md"
