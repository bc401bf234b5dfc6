#!/usr/bin/env bash
# Runs the harness's own tests, the CI gate: fast unit tests first, then the integration tests
# that start real PostgreSQL and Redis containers, then the packages and the template end to end
# (scripts/template-e2e.sh). Safe to run on a fresh machine: it does its
# own set-up (container runtime and images) and it is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

results_dir=artifacts/test-results
rm -rf "$results_dir" && mkdir -p "$results_dir"

scripts/setup-containers.sh
scripts/setup-browser.sh      # the browser integration tests drive real Chromium
scripts/setup-allure.sh       # Node.js and the Allure 3 CLI: the report-rendering test runs scripts/allure-report.sh
# json-server: the external-URL target of tests/Integration.Tests/ExternalTargets;
# Lighthouse: the reference of the web-vitals agreement test (tests/Integration.Tests/Browser).
scripts/setup-npm-tool.sh json-server lighthouse

dotnet build PerfTests.slnx -c Release -v quiet -nologo

status=0
for project in tests/Harness.Tests tests/Integration.Tests; do
    dotnet test "$project" -c Release --no-build --nologo \
        --logger "trx;LogFilePrefix=$(basename "$project")" --results-directory "$results_dir" \
        || status=$?
done

# One plain summary line for CI, summed over the TRX files.
scripts/summarize-trx.sh "$results_dir"

# A user's path from outside the repository: packages, dotnet new perftests, Load green, a slowdown caught.
scripts/template-e2e.sh --no-build || status=$?
exit $status
