#!/usr/bin/env bash
# Engine benchmark: our load engine vs wrk against the same in-process Kestrel hello-world
# (127.0.0.1 only), then the memory-flatness check of the recording path.
# Usage: scripts/benchmark-engine.sh [duration-seconds] [connections] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-10}"
connections="${2:-64}"
rounds="${3:-3}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: installing the Debian package"
  # Never run apt while another apt/dpkg holds the lock.
  while fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1; do sleep 5; done
  apt-get install -y wrk
fi

dotnet build benchmarks/EngineBenchmark -c Release -v q -nologo
dll=benchmarks/EngineBenchmark/bin/Release/net10.0/PerfTests.EngineBenchmark.dll
dotnet "$dll" throughput --duration "$duration" --connections "$connections" --rounds "$rounds"
dotnet "$dll" memory
