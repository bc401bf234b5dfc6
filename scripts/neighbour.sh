#!/usr/bin/env bash
# A noisy neighbour on this machine, as on a shared CI runner: what another job does to a performance
# run beside it. Used by scripts/measure-noise-verdicts.sh; bounded in time, stopped with its children.
#
# Usage: scripts/neighbour.sh start [--mix build|stress|both] [--duration S] | stop | status
#   build   builds of this solution, over and over, in a clone outside the repository (compilers,
#           MSBuild nodes and the disk: the load a neighbour's CI job puts on the machine)
#   stress  stress-ng: CPU, memory and I/O workers (--cpu 2 --vm 1 --vm-bytes 512M --io 1 --hdd 1)
#   both    the two at once (default)
#   --duration  seconds before it stops by itself (default 3600)
# State: artifacts/neighbour/ (pid, log). `stop` kills the whole group; `start` stops an earlier one first.
set -euo pipefail
cd "$(dirname "$0")/.."

state=$PWD/artifacts/neighbour
pidfile=$state/pid

stop() {
    if [[ -f $pidfile ]]; then
        local pid
        pid=$(cat "$pidfile")
        # The neighbour runs in its own process group (setsid): one signal reaches every child.
        kill -TERM -- "-$pid" 2> /dev/null || true
        for _ in $(seq 1 50); do kill -0 -- "-$pid" 2> /dev/null || break; sleep 0.1; done
        kill -KILL -- "-$pid" 2> /dev/null || true
        rm -f "$pidfile"
        echo "[neighbour] stopped"
    fi
}

case "${1:-}" in
    stop) stop; exit 0 ;;
    status) [[ -f $pidfile ]] && kill -0 -- "-$(cat "$pidfile")" 2> /dev/null && echo running || echo stopped; exit 0 ;;
    start) shift ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
esac

mix=both duration=3600
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mix) mix=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        *) echo "neighbour: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ $mix =~ ^(build|stress|both)$ ]] || { echo "neighbour: --mix is build, stress or both, not '$mix'" >&2; exit 2; }
[[ $duration =~ ^[1-9][0-9]*$ ]] || { echo "neighbour: --duration takes whole seconds" >&2; exit 2; }
stop > /dev/null
mkdir -p "$state"

if [[ $mix != stress ]]; then
    if [[ ! -d $state/clone/.git ]]; then
        git clone -q --no-hardlinks "$PWD" "$state/clone"
    fi
    git -C "$state/clone" fetch -q origin && git -C "$state/clone" reset -q --hard FETCH_HEAD 2> /dev/null || true
    dotnet restore "$state/clone/PerfTests.slnx" --nologo -v q > "$state/restore.log" 2>&1
fi
if [[ $mix != build ]] && ! command -v stress-ng > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stress-ng > /dev/null
fi

# The workers, in a new session (its own process group) with a hard end; --disable-build-servers:
# no compiler server or MSBuild node outlives the group (nor serves the measured side's builds).
setsid bash -c '
    mix=$1 duration=$2 clone=$3
    if [[ $mix != stress ]]; then
        ( while true; do dotnet build "$clone/PerfTests.slnx" -c Release --no-restore --no-incremental --disable-build-servers --nologo -v q > /dev/null 2>&1; done ) &
    fi
    if [[ $mix != build ]]; then
        stress-ng --cpu 2 --vm 1 --vm-bytes 512M --io 1 --hdd 1 --hdd-bytes 256M --temp-path "$(dirname "$clone")" --timeout "${duration}s" --quiet &
    fi
    sleep "$duration"
    kill -TERM 0
' neighbour "$mix" "$duration" "$state/clone" > "$state/log" 2>&1 < /dev/null &
echo $! > "$pidfile"
echo "[neighbour] started: $mix for at most $duration s (pid $(cat "$pidfile"))"
