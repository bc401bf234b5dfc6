#!/usr/bin/env bash
# A sharded run on Kubernetes: the volume, an Indexed Job of N shard pods that start their load at one
# instant, then the merge Job, whose exit code is the gate. Values are checked before anything is applied.
#
# Usage: deploy/k8s/run.sh render|apply --target-url URL --allowed-hosts HOSTS --shard-image IMAGE
#            --merge-image IMAGE [--shards 4] [--category Load] [--profile pr] [--start-delay 180] [--run-id ID]
#   render   prints the manifests (check them: run.sh render ... | kubectl apply --dry-run=server -f -)
#   apply    applies them, waits for the shards, runs the merge and exits with its verdict; the report
#            is on the volume under <run-id>-merged/
# Images: deploy/k8s/Containerfile (targets shard and merge).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "k8s-run: $*" >&2; exit 2; }
command=${1:-}; [[ $command == render || $command == apply ]] || { sed -n '2,11p' "$0"; exit 2; }
shift
SHARDS=4 CATEGORY=Load PROFILE=pr START_DELAY=180 RUN_ID=$(date -u +%Y%m%d%H%M%S)
TARGET_URL= ALLOWED_HOSTS= SHARD_IMAGE= MERGE_IMAGE=
while [[ $# -gt 0 ]]; do
    [[ $# -ge 2 ]] || fail "$1 needs a value"
    case "$1" in
        --shards) SHARDS=$2 ;;
        --target-url) TARGET_URL=$2 ;;
        --allowed-hosts) ALLOWED_HOSTS=$2 ;;
        --shard-image) SHARD_IMAGE=$2 ;;
        --merge-image) MERGE_IMAGE=$2 ;;
        --category) CATEGORY=$2 ;;
        --profile) PROFILE=$2 ;;
        --start-delay) START_DELAY=$2 ;;
        --run-id) RUN_ID=$2 ;;
        *) fail "unknown option $1" ;;
    esac
    shift 2
done

# Every value ends up in YAML: only characters that cannot end a string or start another key.
[[ $SHARDS =~ ^[1-9][0-9]?$ && $SHARDS -le 64 ]] || fail "--shards '$SHARDS' must be 1 to 64"
url='^https?://[][A-Za-z0-9._~:-]+(/[A-Za-z0-9._~/%-]*)?$' hosts='^[][A-Za-z0-9._:,-]+$'
[[ $TARGET_URL =~ $url ]] || fail "--target-url '$TARGET_URL' must be an http(s) base URL (no query)"
[[ $ALLOWED_HOSTS =~ $hosts ]] || fail "--allowed-hosts '$ALLOWED_HOSTS' must be host names separated by ','"
[[ $SHARD_IMAGE =~ ^[A-Za-z0-9._/:@-]+$ ]] || fail "--shard-image '$SHARD_IMAGE' is not an image reference"
[[ $MERGE_IMAGE =~ ^[A-Za-z0-9._/:@-]+$ ]] || fail "--merge-image '$MERGE_IMAGE' is not an image reference"
[[ $CATEGORY =~ ^[A-Za-z]+$ ]] || fail "--category '$CATEGORY' must be a category name (Load, Stress, ...)"
[[ $PROFILE =~ ^[a-z0-9-]+$ ]] || fail "--profile '$PROFILE' must name runsettings/<profile>.runsettings"
[[ $START_DELAY =~ ^[0-9]+$ && $START_DELAY -ge 30 && $START_DELAY -le 3000 ]] || fail "--start-delay '$START_DELAY' must be 30 to 3000 seconds"
[[ $RUN_ID =~ ^[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?$ ]] || fail "--run-id '$RUN_ID' must be 1-20 lower-case letters, digits and '-'"
START_AT=$(date -u -d "+$START_DELAY seconds" +%Y-%m-%dT%H:%M:%SZ)
# The shards' own deadline: the wait, then an hour of load at the most.
DEADLINE_SECONDS=$((START_DELAY + 3600))

render() {
    local file=$1 text
    text=$(<"$here/$file")
    for name in RUN_ID SHARDS START_AT DEADLINE_SECONDS TARGET_URL ALLOWED_HOSTS SHARD_IMAGE MERGE_IMAGE CATEGORY PROFILE; do
        text=${text//\$\{$name\}/${!name}}
    done
    printf '%s\n' "$text"
}

if [[ $command == render ]]; then
    render volume.yaml; echo '---'; render shards-job.yaml; echo '---'; render merge-job.yaml
    exit 0
fi

render volume.yaml | kubectl apply -f -
render shards-job.yaml | kubectl apply -f -
echo "k8s-run: $SHARDS shards of run $RUN_ID start their load at $START_AT"
# Complete or failed: the merge runs either way and names a shard that did not deliver.
kubectl wait "job/perftests-shards-$RUN_ID" --for=jsonpath='{.status.active}'=0 --timeout="$((DEADLINE_SECONDS + 60))s" || true
render merge-job.yaml | kubectl apply -f -
kubectl wait "job/perftests-merge-$RUN_ID" --for=jsonpath='{.status.active}'=0 --timeout=1900s || true
kubectl logs "job/perftests-merge-$RUN_ID" || true
succeeded=$(kubectl get "job/perftests-merge-$RUN_ID" -o jsonpath='{.status.succeeded}')
[[ $succeeded == 1 ]] && { echo "k8s-run: passed"; exit 0; }
echo "k8s-run: the merge failed the gate (report on the volume under $RUN_ID-merged/)" >&2
exit 1
