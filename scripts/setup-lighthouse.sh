#!/usr/bin/env bash
# Installs Lighthouse (pinned in scripts/lighthouse/package.json, locally into
# scripts/lighthouse/node_modules): the reference the web-vitals agreement test measures the same
# pages with (tests/Integration.Tests/Browser/LighthouseAgreementTests.cs). Needs Node.js, which
# scripts/setup-allure.sh installs, and the Chromium of scripts/setup-browser.sh. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup-lighthouse] %s\n' "$*" >&2; }
command -v npm >/dev/null || { log "ERROR: npm is missing: run scripts/setup-allure.sh first"; exit 1; }

tool_dir=scripts/lighthouse
pinned=$(node -p "require('./$tool_dir/package.json').devDependencies['lighthouse']")
installed=$(node -p "try { require('./$tool_dir/node_modules/lighthouse/package.json').version } catch { '' }")
if [[ "$installed" != "$pinned" ]]; then
  log "installing lighthouse $pinned into $tool_dir/node_modules"
  npm ci --prefix "$tool_dir" --no-audit --no-fund --loglevel=error
fi
log "lighthouse ready: $pinned"
