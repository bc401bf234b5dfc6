#!/usr/bin/env bash
# Installs what scripts/allure-report.sh needs: Node.js and npm (Debian packages, only when missing)
# and the Allure 3 CLI pinned in scripts/allure/package.json (locally into scripts/allure/node_modules,
# never globally, from the npm registry). Idempotent: does nothing when both are already there.
# Called by scripts/allure-report.sh and by scripts/test.sh (the report-rendering integration test).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup-allure] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  command -v apt-get >/dev/null || die "node and npm are required and there is no apt-get: install Node.js 20 or newer"
  [[ $(id -u) -eq 0 ]] || die "installing nodejs and npm needs root (apt-get install -y nodejs npm)"
  # Other jobs on the machine may hold the dpkg lock: wait instead of failing.
  while fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1; do
    log "waiting for another apt/dpkg process"
    sleep 5
  done
  log "installing nodejs and npm from the distribution"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# The Allure 3 CLI is tested here with Node.js 20; older releases fail in odd places, so say it first.
major=$(node -p 'process.versions.node.split(".")[0]')
(( major >= 20 )) || die "Node.js $(node --version) is too old for the Allure 3 CLI: install Node.js 20 or newer"

scripts/setup-npm-tool.sh allure
log "node $(node --version)"
