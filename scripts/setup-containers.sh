#!/usr/bin/env bash
# Prepares a Docker-compatible container runtime for the Testcontainers-based suites.
#  - Docker engine present: nothing to do (public images postgres:16-alpine / redis:7-alpine are used).
#  - Otherwise (Debian 12, root, only the apt mirror reachable): Podman + runc, the Docker API socket,
#    and local PostgreSQL 15 / Redis 7 images built from Debian packages with mmdebstrap.
# Idempotent: every step checks first. Then a plain `dotnet test` in a new shell finds everything:
#  - ~/.testcontainers.properties (Testcontainers' own configuration): docker.host, ryuk.disabled,
#    host.override; other keys in the file are kept.
#  - ~/.perftests.properties (read by the harness's settings): PostgresImage, RedisImage.
# Environment variables (DOCKER_HOST, TESTCONTAINERS_*, PERF_POSTGRES_IMAGE, ...) still override both.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONTAINERS_DIR="$REPO_ROOT/scripts/containers"
TESTCONTAINERS_PROPERTIES="$HOME/.testcontainers.properties"
PERFTESTS_PROPERTIES="${PERF_SETTINGS_FILE:-$HOME/.perftests.properties}"
SOCKET=/run/podman/podman.sock
BASE_IMAGE=localhost/perftests/base:bookworm
PG_IMAGE=localhost/perftests/postgres:15
REDIS_IMAGE=localhost/perftests/redis:7
SERVICE_LOG=/var/log/perftests-podman-service.log
APT_SOURCES=/etc/apt/sources.list.d/debian.sources

log() { printf '[setup-containers] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# set_property FILE KEY VALUE: KEY=VALUE in FILE, replacing KEY's line or appending it; other lines stay.
set_property() {
  local file=$1 key=$2 value=$3 tmp
  touch "$file"
  if grep -qxF "$key=$value" "$file"; then return; fi
  tmp=$(mktemp "$file.XXXXXX")
  grep -v "^[[:space:]]*${key//./\\.}[[:space:]]*=" "$file" > "$tmp" || true
  printf '%s=%s\n' "$key" "$value" >> "$tmp"
  mv "$tmp" "$file"
  log "$file: $key=$value"
}

docker_engine_answers() {
  # A real Docker engine on its default socket; Podman's compatible API reports "Podman Engine".
  [ -z "${DOCKER_HOST:-}" ] || return 1
  command -v docker >/dev/null 2>&1 || return 1
  local info
  info=$(timeout 10 docker version --format '{{json .Server}}' 2>/dev/null) || return 1
  ! grep -qi podman <<<"$info"
}

socket_answers() {
  [ -S "$SOCKET" ] || return 1
  if command -v curl >/dev/null 2>&1; then
    [ "$(curl -fsS --max-time 3 --unix-socket "$SOCKET" http://d/_ping 2>/dev/null)" = "OK" ]
  else
    timeout 5 podman --remote --url "unix://$SOCKET" version >/dev/null 2>&1
  fi
}

wait_for_apt() {
  while fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1; do
    log "waiting for another apt/dpkg process to finish"; sleep 5
  done
}

install_packages() {
  local missing=() pkg
  for pkg in podman runc mmdebstrap uidmap slirp4netns fuse-overlayfs; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then log "packages present"; return; fi
  log "installing: ${missing[*]}"
  wait_for_apt
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  wait_for_apt
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

configure_podman() {
  # crun fails on this host kind ("cgroups in hybrid mode not supported") and the default ulimits
  # are refused ("setrlimit ... Operation not permitted"), hence runc and explicit limits.
  local conf=/etc/containers/containers.conf
  if [ -f "$conf" ] && grep -q '^runtime = "runc"' "$conf" && grep -q '^default_ulimits' "$conf"; then
    log "containers.conf already configured"; return
  fi
  mkdir -p /etc/containers
  if [ -f "$conf" ]; then cp "$conf" "$conf.bak.$(date +%s)"; log "backed up existing $conf"; fi
  cat > "$conf" <<'CONF'
# Written by scripts/setup-containers.sh (PerfTests).
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

[engine]
runtime = "runc"
CONF
  log "wrote $conf"
  if socket_answers; then log "WARNING: the running Podman service predates this config; restart it to apply"; fi
}

start_service() {
  if socket_answers; then log "Podman API answers on $SOCKET"; return; fi
  mkdir -p "$(dirname "$SOCKET")"
  rm -f "$SOCKET"
  log "starting podman system service on unix://$SOCKET (log: $SERVICE_LOG)"
  # setsid + nohup: the service outlives this script and the CI step's shell. Started from /: it
  # outlives this checkout too, and a service whose working folder was deleted (a CI clone removed)
  # answers pings but fails every container start ("write child: broken pipe").
  (cd / && exec setsid nohup podman system service --time=0 "unix://$SOCKET" >>"$SERVICE_LOG" 2>&1 </dev/null) &
  local i
  for i in $(seq 1 60); do
    if socket_answers; then log "Podman API answers after ${i}x0.5 s"; return; fi
    sleep 0.5
  done
  die "Podman API did not answer on $SOCKET within 30 s; see $SERVICE_LOG"
}

build_base_image() {
  if podman image exists "$BASE_IMAGE"; then log "base image $BASE_IMAGE exists"; return; fi
  [ -s "$APT_SOURCES" ] || die "$APT_SOURCES not found: mmdebstrap reads the mirror from it"
  local work
  work=$(mktemp -d /var/tmp/perftests-base.XXXXXX)
  # shellcheck disable=SC2064 # expand now: the trap must remove this very directory
  trap "rm -rf '$work'" RETURN
  log "bootstrapping Debian bookworm with postgresql + redis (mmdebstrap, ~1 min)"
  # The machine's own apt sources on stdin: no mirror host is written into the repository.
  mmdebstrap --quiet --variant=apt --mode=root --include=postgresql,redis-server,redis-tools \
    bookworm "$work/base.tar" < "$APT_SOURCES"
  podman import --quiet "$work/base.tar" "$BASE_IMAGE" >/dev/null
  log "imported $BASE_IMAGE"
}

build_image() {
  local tag=$1 file=$2
  if podman image exists "$tag"; then log "image $tag exists"; return; fi
  build_base_image
  log "building $tag from $file"
  podman build --quiet --pull=never --build-arg "BASE_IMAGE=$BASE_IMAGE" \
    -f "$CONTAINERS_DIR/$file" -t "$tag" "$CONTAINERS_DIR" >/dev/null
}

main() {
  local started=$SECONDS
  if docker_engine_answers; then
    log "a Docker engine answers: nothing to set up (Testcontainers' defaults and public images apply)"
    return
  fi
  [ "$(id -u)" = "0" ] || die "run as root (installs packages, writes /etc/containers, starts the Podman API)"
  install_packages
  configure_podman
  start_service
  build_image "$PG_IMAGE" postgres.Containerfile
  build_image "$REDIS_IMAGE" redis.Containerfile
  # Ryuk (the reaper container) needs the Docker socket mounted privileged, which rootful Podman here
  # refuses; the harness sweeps its own labelled containers instead. Published ports answer on loopback.
  set_property "$TESTCONTAINERS_PROPERTIES" docker.host "unix://$SOCKET"
  set_property "$TESTCONTAINERS_PROPERTIES" ryuk.disabled true
  set_property "$TESTCONTAINERS_PROPERTIES" host.override 127.0.0.1
  set_property "$PERFTESTS_PROPERTIES" PostgresImage "$PG_IMAGE"
  set_property "$PERFTESTS_PROPERTIES" RedisImage "$REDIS_IMAGE"
  rm -f "$REPO_ROOT/.perf/container.env" # earlier set-ups wrote the settings there
  log "done in $((SECONDS - started)) s"
}

main "$@"
