#!/usr/bin/env bash
# Measures what a busy machine does to the PR Load gate (issue 16), as README "Busy machines" reports it:
# with the neighbour of scripts/neighbour.sh running throughout, N PR-profile Load runs of the sample
# portal as it is (none may end as "Budget breach") and N runs with a real slowdown injected into the
# portal (SampleSystem:ExtraLatencyMs, all must end as "Budget breach"). Each run's verdict is read from
# its Allure result: passed, warned, inconclusive (broken, "Inconclusive: "), breach (failed, "Budget
# '...' breached"), other; "after a rerun" when the result carries the attempts parameter.
#
#   scripts/measure-noise-verdicts.sh [--runs N] [--slowdown-ms MS] [--mix build|stress|both] [--out DIR]
#
# Needs a Release build (scripts/test.sh makes one) and the container set-up; takes about 1.5 min a run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=20 slowdown=300 mix=both out=artifacts/noise-verdicts
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --slowdown-ms) slowdown=$2; shift 2 ;;
        --mix) mix=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) echo "usage: $0 [--runs N] [--slowdown-ms MS] [--mix build|stress|both] [--out DIR]" >&2; exit 2 ;;
    esac
done

rm -rf "$out" && mkdir -p "$out"
out=$(cd "$out" && pwd)
trap 'scripts/neighbour.sh stop >/dev/null 2>&1 || true' EXIT
# Long enough for every run; the trap stops it when the measurement ends.
scripts/neighbour.sh start --mix "$mix" --duration $((runs * 2 * 240))
sleep 30 # the neighbour's build loop is past its first restore

# One run: its verdict from the Allure result (the one test of the filter).
verdict() {
    python3 - "$1" <<'EOF'
import glob, json, sys
results = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/*-result.json")]
tests = [r for r in results if r.get("name", "").startswith("WeightedMix")]
if not tests:
    print("other (no result)"); sys.exit()
r = tests[0]
message = (r.get("statusDetails") or {}).get("message") or ""
status = r["status"]
rerun = any(p["name"] == "attempts" for p in r.get("parameters", []))
kind = ("breach" if status == "failed" and "Budget 'load' breached" in message
        else "inconclusive" if status == "broken" and message.startswith("Inconclusive: ")
        else "warned" if status == "passed" and message.startswith("Warning: ")
        else "passed" if status == "passed" else "other (" + status + ")")
print(kind + (" after a rerun" if rerun else ""))
EOF
}

run_arm() {
    local arm=$1; shift
    for i in $(seq 1 "$runs"); do
        local dir=$out/$arm-$i
        mkdir -p "$dir"
        env "$@" ALLURE_RESULTS_DIR="$dir/allure" PERF_SUMMARY_DIR="$dir/summaries" PERF_SUMMARY_FILE="$dir/summary.md" \
            timeout 900 dotnet test tests/PerfTests -c Release --no-build -s runsettings/pr.runsettings \
            --filter "FullyQualifiedName~PortalLoadTests" --logger "console;verbosity=normal" >"$dir/log" 2>&1 || true
        echo "$arm $i $(verdict "$dir/allure")" | tee -a "$out/verdicts.txt"
    done
}

run_arm neighbour
run_arm slowdown "SampleSystem__ExtraLatencyMs=$slowdown"

{
    echo "| arm | runs | passed | warned | inconclusive | breach | after a rerun | other |"
    echo "|---|---|---|---|---|---|---|---|"
    for arm in neighbour slowdown; do
        count() { grep -c "^$arm [0-9]* $1" "$out/verdicts.txt" || true; }
        echo "| $arm | $runs | $(count passed) | $(count warned) | $(count inconclusive) | $(count breach) | $(grep "^$arm " "$out/verdicts.txt" | grep -c "after a rerun" || true) | $(count other) |"
    done
} | tee "$out/results.md"
