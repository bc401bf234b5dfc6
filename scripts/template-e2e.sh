#!/usr/bin/env bash
# A user's first hour, end to end, outside this repository:
#   1. pack the harness and the template into artifacts/packages (a local folder feed);
#   2. dotnet new install the template from it;
#   3. in a temporary folder, a copy of the example service (examples/Orders/src) and a perf test
#      project made by `dotnet new perftests` against it, restored with no network source (the packed
#      feed for PerfTests*, the machine's package cache as a folder feed for the rest);
#   4. dotnet test --filter Category=Load: green, allure-results written;
#   5. the other generated tests (Stress; WebVitals in Chromium): green as generated;
#   6. the same Load test with the app's deliberate slowdown on: fails with "Budget 'load' breached"
#      naming the scenario;
#   7. a project for a running URL (--target url --browser false) against json-server: Load green;
#   8. the same Load test as 2 shard processes at once, merged by the perftests-merge tool installed
#      from the packed feed: exit 0, one Allure result of both shards' requests;
#   9. the committed example (examples/Orders/tests) passes its Load tests on the same packages.
# Prints how long each step and the whole took. Needs what scripts/test.sh sets up (containers, Chromium).
# Usage: scripts/template-e2e.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
started=$SECONDS
step_started=$SECONDS

log() { printf '[template-e2e] %s\n' "$*" >&2; }
keep=false
die() { keep=true; log "FAILED: $*"; exit 1; }
step() { log "$1 ($((SECONDS - step_started)) s)"; step_started=$SECONDS; }

scripts/pack.sh "$@" >/dev/null
step "packed into artifacts/packages"

# A fresh install of this pack (an earlier one of the same version would be kept otherwise).
dotnet new uninstall PerfTests.Templates >/dev/null 2>&1 || true
dotnet new install "$(ls "$repo"/artifacts/packages/PerfTests.Templates.*.nupkg)" >/dev/null
step "template installed"

work=$(mktemp -d "${TMPDIR:-/tmp}/perftests-e2e.XXXXXX")
cleanup() {
  if $keep; then log "kept for a look: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
cat > "$work/NuGet.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/.nuget-packages" /></config>
  <packageSources>
    <clear />
    <add key="perftests" value="$repo/artifacts/packages" />
    <add key="machine-cache" value="$cache" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="perftests"><package pattern="PerfTests" /><package pattern="PerfTests.*" /></packageSource>
    <packageSource key="machine-cache"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
EOF
mkdir -p "$work/src" "$work/tests"
cp "$repo/examples/Orders/Directory.Build.props" "$work/"
(cd "$repo/examples/Orders/src" && tar --exclude=bin --exclude=obj -cf - Orders.Api) | tar -xf - -C "$work/src"

cd "$work/tests"
dotnet new perftests -n Orders.PerfTests --target app --appProject ../../src/Orders.Api/Orders.Api.csproj \
  --path /api/orders --readinessPath /health --postgres --connectionString ConnectionStrings:Orders >/dev/null
# json-server (npm, scripts/setup-npm-tool.sh json-server) on a free loopback port: a running system no one here wrote.
json_port=$(node -e 'const s=require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
dotnet new perftests -n Url.PerfTests --target url --url "http://127.0.0.1:$json_port/" --path /orders --readinessPath /orders --browser false >/dev/null
cd "$work"
step "projects generated in $work"

dotnet build tests/Orders.PerfTests -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; die "the generated project does not build"; }
# The generated project treats warnings as errors (NuGet's too), so a clean build means no warnings.
step "restored from the local feeds only and built with warnings as errors"

run_tests() { # label, filter, expected exit (0 or 1), extra env...
  local label=$1 filter=$2 expected=$3; shift 3
  local results="$work/results-$label"
  set +e
  env "$@" dotnet test tests/Orders.PerfTests -c Release --no-build -nologo \
    -s tests/Orders.PerfTests/runsettings/pr.runsettings --filter "$filter" \
    -- "TestRunParameters.Parameter(name=\"AllureResultsDir\", value=\"$results\")" >"$work/$label.log" 2>&1
  local code=$?
  set -e
  if { [[ $expected == 0 ]] && [[ $code != 0 ]]; } || { [[ $expected != 0 ]] && [[ $code == 0 ]]; }; then
    keep=true; cat "$work/$label.log"; die "$label: dotnet test exited with $code"
  fi
  ls "$results"/*-result.json >/dev/null 2>&1 || { die "$label: no allure-results in $results"; }
}

run_tests load "Category=Load" 0
grep -lE '"status": ?"passed"' "$work/results-load"/*-result.json >/dev/null || die "load: no passed result recorded"
step "Load: green, allure-results written"

run_tests others "Category=Stress|Category=WebVitals" 0
step "Stress and WebVitals: green as generated"

run_tests slowdown "Category=Load" 1 Orders__SlowdownMs=1000
grep -q "Budget 'load' breached" "$work/slowdown.log" || { die "slowdown: no \"Budget 'load' breached\" in the output"; }
grep -q "endpoint p(95)" "$work/slowdown.log" || { die "slowdown: the breach does not name the scenario 'endpoint'"; }
log "  $(grep -m1 -- "- endpoint p(95)" "$work/slowdown.log" | sed 's/^ *//')"
step "Load with Orders__SlowdownMs=1000: fails with Budget 'load' breached, naming endpoint"

dotnet build tests/Url.PerfTests -c Release -nologo -v quiet >"$work/url-build.log" 2>&1 || { cat "$work/url-build.log"; die "the URL project does not build"; }
node -e 'const o=[];for(let i=1;i<=300;i++)o.push({id:i,customer:"c"+(i%40),total:i*1.25});console.log(JSON.stringify({orders:o}))' >"$work/db.json"
node "$repo/scripts/json-server/node_modules/json-server/lib/cli/bin.js" --host 127.0.0.1 --port "$json_port" --quiet "$work/db.json" >"$work/json-server.log" 2>&1 &
json_pid=$!
trap 'kill $json_pid 2>/dev/null || true; cleanup' EXIT
set +e
dotnet test tests/Url.PerfTests -c Release --no-build -nologo -s tests/Url.PerfTests/runsettings/pr.runsettings --filter Category=Load \
  -- "TestRunParameters.Parameter(name=\"AllureResultsDir\", value=\"$work/results-url\")" >"$work/url.log" 2>&1
code=$?
set -e
[[ $code == 0 ]] || { cat "$work/url.log" "$work/json-server.log"; die "the URL project's Load test against json-server exited with $code"; }
step "the --target url project: built with warnings as errors, Load green against json-server"

# The same test spread over 2 shard processes, as CI matrix jobs or pods would run it, merged by the tool a user installs.
start_at=$(date -u -d '+25 seconds' +%Y-%m-%dT%H:%M:%SZ)
shard_pids=()
for i in 1 2; do
  PERF_SHARD=$i/2 PERF_SHARD_DIR="$work/shards" PERF_SHARD_START_AT=$start_at \
    dotnet test tests/Url.PerfTests -c Release --no-build -nologo -s tests/Url.PerfTests/runsettings/pr.runsettings --filter Category=Load \
    -- "TestRunParameters.Parameter(name=\"AllureResultsDir\", value=\"$work/results-shard-$i\")" >"$work/shard-$i.log" 2>&1 &
  shard_pids+=($!)
done
for pid in "${shard_pids[@]}"; do wait "$pid" || { cat "$work"/shard-*.log; die "a shard of the URL project's Load test failed"; }; done
kill "$json_pid" 2>/dev/null || true
wait "$json_pid" 2>/dev/null || true
merge_version=$(basename "$(ls "$repo"/artifacts/packages/PerfTests.Merge.*.nupkg | grep -v snupkg)" .nupkg | sed 's/^PerfTests\.Merge\.//')
dotnet tool install --tool-path "$work/tools" PerfTests.Merge --version "$merge_version" --configfile "$work/NuGet.config" >"$work/tool.log" 2>&1 \
  || { cat "$work/tool.log"; die "dotnet tool install PerfTests.Merge from the packed feed failed"; }
set +e
(cd tests/Url.PerfTests && "$work/tools/perftests-merge" --runsettings runsettings/pr.runsettings --allure-results "$work/results-merged" \
  --summary-dir "$work/merged-summaries" "$work/shards") >"$work/merge.log" 2>&1
code=$?
set -e
[[ $code == 0 ]] || { cat "$work/merge.log"; die "perftests-merge exited with $code"; }
grep -q "2 shards, .* requests, budget 'load' passed" "$work/merge.log" || { cat "$work/merge.log"; die "the merge did not judge 2 shards by budget 'load'"; }
[[ $(ls "$work/results-merged"/*-result.json | wc -l) == 1 ]] || die "the merge did not write exactly one Allure result"
log "  $(grep -m1 "^merge: " "$work/merge.log")"
step "2 shards of the URL project's Load test, merged by the perftests-merge tool: passed, one Allure result"

cd "$repo/examples/Orders"
dotnet test tests/Orders.PerfTests -c Release -nologo -s tests/Orders.PerfTests/runsettings/pr.runsettings --filter Category=Load \
  >"$work/example.log" 2>&1 || { cat "$work/example.log"; die "examples/Orders: its Load tests failed"; }
step "examples/Orders: Load and checkout tests green on the packages"

log "template end to end: passed in $((SECONDS - started)) s"
