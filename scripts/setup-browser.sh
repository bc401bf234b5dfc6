#!/usr/bin/env bash
# Installs the Chromium the WebVitals suite drives through Playwright (Category=WebVitals and the
# browser integration tests). Playwright's own "playwright install" needs a browser download, which
# CI here cannot do, so Debian's chromium package is used. Idempotent: does nothing when a browser
# is already there. Honours PERF_CHROMIUM_PATH (an existing browser to use instead).
# Playwright's .NET driver (node + the playwright package) ships inside the Microsoft.Playwright
# NuGet package and is copied to the test output's .playwright/ folder by the build: nothing to install.
set -euo pipefail

log() { printf '[setup-browser] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [[ -n ${PERF_CHROMIUM_PATH:-} ]]; then
  [[ -x $PERF_CHROMIUM_PATH ]] || die "PERF_CHROMIUM_PATH=$PERF_CHROMIUM_PATH is not an executable"
  chromium_path=$PERF_CHROMIUM_PATH
elif [[ -x /usr/bin/chromium ]]; then
  chromium_path=/usr/bin/chromium
else
  command -v apt-get >/dev/null || die "no /usr/bin/chromium and no apt-get: install Chromium or set PERF_CHROMIUM_PATH"
  [[ $(id -u) -eq 0 ]] || die "installing chromium needs root (or set PERF_CHROMIUM_PATH)"
  # Other jobs on the machine may hold the dpkg lock: wait instead of failing.
  while fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1; do
    log "waiting for another apt/dpkg process"
    sleep 5
  done
  log "installing chromium from the distribution"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  chromium_path=/usr/bin/chromium
fi

# A browser that cannot start headless fails here with its own message, not in the middle of a suite.
version=$("$chromium_path" --headless --no-sandbox --disable-gpu --version 2>/dev/null | head -n1) \
  || die "$chromium_path does not start"
log "browser ready: $chromium_path ($version)"
