#!/usr/bin/env bash
# Sums every TRX file in a folder and prints "N passed, N warned, N inconclusive, N failed, N skipped".
# TRX records an NUnit warning and an inconclusive result as "not executed", like an ignored test; the
# harness starts its warnings with "Warning: " and its inconclusive verdicts with "Inconclusive: ", which
# is how a warned test (it ran, and passed past a warn limit) and an inconclusive one (a breach the busy
# machine may have made) are told from a skipped one.
set -euo pipefail
dir=${1:?usage: summarize-trx.sh RESULTS_DIR}
passed=0 warned=0 inconclusive=0 failed=0 total=0
for trx in "$dir"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    total=$((total + $(get total)))
    passed=$((passed + $(get passed)))
    failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
    # A not-executed result whose message starts with "Warning: ".
    warned=$((warned + $(awk '
        /<UnitTestResult / { notExecuted = ($0 ~ /outcome="NotExecuted"/); counted = 0 }
        notExecuted && !counted && /<Message>Warning: / { n++; counted = 1 }
        END { print n + 0 }' "$trx")))
    inconclusive=$((inconclusive + $(awk '
        /<UnitTestResult / { candidate = ($0 !~ /outcome="(Passed|Failed)"/); counted = 0 }
        candidate && !counted && /<Message>Inconclusive: / { n++; counted = 1 }
        END { print n + 0 }' "$trx")))
done
echo "tests: $passed passed, $warned warned, $inconclusive inconclusive, $failed failed, $((total - passed - warned - inconclusive - failed)) skipped"
