#!/usr/bin/env bash
# Installs json-server (pinned in scripts/json-server/package.json, locally into
# scripts/json-server/node_modules) for the external-target integration test. Needs Node.js, which
# scripts/setup-allure.sh installs. Idempotent: does nothing when the pinned version is there.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup-json-server] %s\n' "$*" >&2; }
command -v npm >/dev/null || { log "ERROR: npm is missing: run scripts/setup-allure.sh first"; exit 1; }

tool_dir=scripts/json-server
pinned=$(node -p "require('./$tool_dir/package.json').devDependencies['json-server']")
installed=$(node -p "try { require('./$tool_dir/node_modules/json-server/package.json').version } catch { '' }")
if [[ "$installed" != "$pinned" ]]; then
  log "installing json-server $pinned into $tool_dir/node_modules"
  npm ci --prefix "$tool_dir" --no-audit --no-fund --loglevel=error
fi
log "json-server ready: $pinned"
