#!/usr/bin/env bash
# Sums the counters of every TRX file in a folder and prints "N passed, N failed, N skipped".
set -euo pipefail
dir=${1:?usage: summarize-trx.sh RESULTS_DIR}
passed=0 failed=0 total=0
for trx in "$dir"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    total=$((total + $(get total)))
    passed=$((passed + $(get passed)))
    failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
echo "tests: $passed passed, $failed failed, $((total - passed - failed)) skipped"
