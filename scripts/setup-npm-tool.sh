#!/usr/bin/env bash
# Installs npm tools pinned in scripts/<tool>/package.json, each locally into scripts/<tool>/node_modules
# (never globally), from the lock file next to it. Needs Node.js, which scripts/setup-allure.sh installs.
# Idempotent: a tool whose pinned version is already there is left alone.
# Usage: scripts/setup-npm-tool.sh TOOL...   (allure, json-server, lighthouse)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup-npm-tool] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
(( $# > 0 )) || die "usage: scripts/setup-npm-tool.sh TOOL... (a folder under scripts/ with a package.json)"
command -v npm >/dev/null || die "npm is missing: run scripts/setup-allure.sh first"

for tool in "$@"; do
  tool_dir=scripts/$tool
  [[ "$tool" =~ ^[a-z0-9-]+$ && -f "$tool_dir/package.json" && -f "$tool_dir/package-lock.json" ]] \
    || die "'$tool' is not a pinned tool: expected $tool_dir/package.json and package-lock.json"
  # The tool's package has the folder's name; the lock file fixes the whole tree.
  pinned=$(node -p "require('./$tool_dir/package.json').devDependencies['$tool']")
  installed=$(node -p "try { require('./$tool_dir/node_modules/$tool/package.json').version } catch { '' }")
  if [[ "$installed" != "$pinned" ]]; then
    log "installing $tool $pinned into $tool_dir/node_modules"
    npm ci --prefix "$tool_dir" --no-audit --no-fund --loglevel=error
  fi
  log "$tool ready: $pinned"
done
