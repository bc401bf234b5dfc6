#!/usr/bin/env bash
# The local proof of a sharded run: the Load mix against ONE sample portal (scripts/portal.sh), first in
# one process, then as N shard processes at once (scripts/run-perf.sh --shard I/N, one start for all),
# merged and judged by scripts/merge-shards.sh. Prints the README table: requests and p50/p95/p99 per
# scenario, single vs merged, and each run's wall time.
#
# Usage: scripts/measure-sharded.sh [--shards 4] [--profile pr] [--filter Name~WeightedMix]
# Output: artifacts/measure-sharded/{single,shard-I,merged,table.md}
set -euo pipefail
cd "$(dirname "$0")/.."

shards=4 profile=pr filter=Name~WeightedMix
while [[ $# -gt 0 ]]; do
    case "$1" in
        --shards) shards=$2; shift 2 ;;
        --profile) profile=$2; shift 2 ;;
        --filter) filter=$2; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "measure-sharded: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ $shards =~ ^[1-9][0-9]?$ ]] || { echo "measure-sharded: --shards must be 1..99" >&2; exit 2; }
out=artifacts/measure-sharded
rm -rf "$out" && mkdir -p "$out"
unset PERF_SHARD PERF_SHARD_COUNT PERF_SHARD_DIR PERF_SHARD_START_AT PERF_BASELINE_DIR

dotnet build tests/PerfTests -c Release --nologo -v q
dotnet build harness/Merge -c Release --nologo -v q
trap 'scripts/portal.sh stop' EXIT
PERF_TARGET_URL=$(scripts/portal.sh start | tail -n 1)
export PERF_TARGET_URL

# A first run warms the portal (JIT, caches, the database's pages) and is not measured: both measured runs meet a warm portal.
scripts/run-perf.sh --category Load --filter "$filter" --profile "$profile" --no-build --output "$out/warm-up" > "$out/warm-up.log" 2>&1 || true
started=$(date +%s)
scripts/run-perf.sh --category Load --filter "$filter" --profile "$profile" --no-build \
    --output "$out/single" > "$out/single.log" 2>&1 || echo "measure-sharded: the single run failed (see $out/single.log)" >&2
single_wall=$(( $(date +%s) - started ))

# Every shard's test host starts, finds its test and sets up in 10-30 s on a busy 2-core machine: 60 s leaves room.
start_at=$(date -u -d '+60 seconds' +%Y-%m-%dT%H:%M:%SZ)
started=$(date +%s)
pids=()
for i in $(seq 1 "$shards"); do
    scripts/run-perf.sh --category Load --filter "$filter" --profile "$profile" --no-build --shard "$i/$shards" --start-at "$start_at" \
        --output "$out/shard-$i" > "$out/shard-$i.log" 2>&1 &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || echo "measure-sharded: a shard failed (see $out/shard-*.log)" >&2; done
status=0
scripts/merge-shards.sh --profile "$profile" --output "$out/merged" "$out"/shard-*/shards > "$out/merge.log" 2>&1 || status=$?
sharded_wall=$(( $(date +%s) - started ))

python3 - "$out" "$single_wall" "$sharded_wall" "$shards" "$start_at" > "$out/table.md" <<'PY'
import glob, json, os, sys
out, single_wall, sharded_wall, shards, start_at = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
def summaries(folder):
    found = {}
    for path in glob.glob(os.path.join(folder, "*.json")):
        if path.endswith(".comparison.json"):
            continue
        with open(path) as f:
            found[os.path.basename(path)] = json.load(f)
    return found
single, merged = summaries(f"{out}/single/summaries"), summaries(f"{out}/merged/summaries")
ms = lambda us: "n/a" if us is None else f"{us / 1000:.1f}"
for name in sorted(set(single) | set(merged)):
    a, b = single.get(name, {"scenarios": []}), merged.get(name, {"scenarios": []})
    print(f"**{name[:-5]}**: single process vs {shards} shards merged (shards' start {start_at})\n")
    print("| scenario | requests (single / merged) | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|")
    by_name = {s["name"]: s for s in b["scenarios"]}
    for s in a["scenarios"]:
        m = by_name.get(s["name"], {})
        print(f"| {s['name']} | {s['requestCount']} / {m.get('requestCount', 'n/a')} | {ms(s.get('p50Us'))} / {ms(m.get('p50Us'))} "
              f"| {ms(s.get('p95Us'))} / {ms(m.get('p95Us'))} | {ms(s.get('p99Us'))} / {ms(m.get('p99Us'))} |")
    total = lambda r: sum(s["requestCount"] for s in r["scenarios"])
    print(f"| all | {total(a)} / {total(b)} | | | |\n")
print(f"Wall time: single {single_wall:.0f} s; {shards} shards, their wait for the common start and the merge {sharded_wall:.0f} s.")
PY
cat "$out/table.md"
tail -n 3 "$out/merge.log"
exit $status
