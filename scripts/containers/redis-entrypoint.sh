#!/bin/sh
# Starts redis-server with test-friendly defaults; extra "--option value" arguments are appended,
# any other command (e.g. "redis-cli") is executed as given.
set -eu
if [ "$#" -gt 0 ] && [ "$1" = "redis-server" ]; then shift; fi
if [ "$#" -gt 0 ] && [ "${1#-}" = "$1" ]; then exec "$@"; fi
exec redis-server --bind 0.0.0.0 --port 6379 --protected-mode no --save "" --appendonly no \
  --daemonize no --logfile "" "$@"
