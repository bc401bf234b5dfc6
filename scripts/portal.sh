#!/usr/bin/env bash
# The sample portal as a running service, outside any test: PostgreSQL and Redis containers plus the
# portal process on loopback, seeded with the suites' 10,000 clients. Sharded runs on this machine
# point every shard at it (PERF_TARGET_URL), as shards on CI runners or pods point at a team's service.
#
# Usage: scripts/portal.sh start [--port 5080]   prints the portal's URL (also in artifacts/portal/url)
#        scripts/portal.sh stop                  stops the portal, removes its containers
# The market-prices service is not started: the Load mix does not call it (/health reports it down).
set -euo pipefail
cd "$(dirname "$0")/.."

state=artifacts/portal
log() { printf '[portal] %s\n' "$*" >&2; }
runtime=$(command -v podman || command -v docker || true)
property() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "${PERF_SETTINGS_FILE:-$HOME/.perftests.properties}" 2>/dev/null | tail -n 1; }

stop() {
    if [[ -f $state/pid ]]; then
        kill "$(cat "$state/pid")" 2>/dev/null || true
        rm -f "$state/pid"
    fi
    if [[ -n $runtime ]]; then
        "$runtime" rm -f perftests-portal-postgres perftests-portal-redis >/dev/null 2>&1 || true
    fi
    rm -f "$state/url"
}

start() {
    local port=5080
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --port) port=$2; shift 2 ;;
            *) echo "portal: unknown option $1" >&2; exit 2 ;;
        esac
    done
    [[ -n $runtime ]] || { echo "portal: no podman or docker (run scripts/setup-containers.sh)" >&2; exit 1; }
    stop
    mkdir -p "$state"
    scripts/setup-containers.sh
    local pg_image redis_image password=perf-portal
    pg_image=$(property PostgresImage); pg_image=${pg_image:-postgres:16-alpine}
    redis_image=$(property RedisImage); redis_image=${redis_image:-redis:7-alpine}
    # Our containers only, on loopback ports the runtime picks; fsync off as Testcontainers runs PostgreSQL for the suites.
    "$runtime" run -d --rm --name perftests-portal-postgres -p 127.0.0.1::5432 -e POSTGRES_PASSWORD=$password "$pg_image" -c fsync=off >/dev/null
    "$runtime" run -d --rm --name perftests-portal-redis -p 127.0.0.1::6379 "$redis_image" >/dev/null
    local pg_port redis_port
    pg_port=$("$runtime" port perftests-portal-postgres 5432/tcp | head -n 1 | sed 's/.*://')
    redis_port=$("$runtime" port perftests-portal-redis 6379/tcp | head -n 1 | sed 's/.*://')
    for _ in $(seq 1 60); do
        "$runtime" exec perftests-portal-postgres pg_isready -q -U postgres 2>/dev/null && break
        sleep 1
    done

    local app=fixtures/SampleSystem/bin/Release/net10.0/PerfTests.SampleSystem.dll
    [[ -f $app ]] || dotnet build fixtures/SampleSystem -c Release --nologo -v q >&2
    ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=postgres" \
    ConnectionStrings__Redis="127.0.0.1:$redis_port" \
    SampleSystem__MarketPricesBaseUrl="http://127.0.0.1:9/" \
    SampleSystem__Database__SeedClientsOnStartup=10000 \
    Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
        setsid dotnet "$app" > "$state/portal.log" 2>&1 < /dev/null &
    echo $! > "$state/pid"
    local url="http://127.0.0.1:$port/"
    for _ in $(seq 1 120); do
        # Seeding happens before Kestrel listens: any answer means ready.
        if curl -s -o /dev/null --max-time 2 "${url}api/auth/me"; then
            echo "$url" > "$state/url"
            log "portal at $url (PostgreSQL 127.0.0.1:$pg_port, Redis 127.0.0.1:$redis_port; log $state/portal.log)"
            echo "$url"
            return
        fi
        kill -0 "$(cat "$state/pid")" 2>/dev/null || { cat "$state/portal.log" >&2; stop; echo "portal: the portal exited" >&2; exit 1; }
        sleep 1
    done
    stop
    echo "portal: no answer from $url in 120 s" >&2
    exit 1
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
esac
