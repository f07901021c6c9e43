#!/usr/bin/env bash
# push.sh - how fast call events reach N open operator consoles, and whether they slow calls.
#   bench/console/push.sh [--no-build] [--consoles 50] [--calls 30] [--sip-port 5170] [--web-port 8170] [--sipp-port 5190]
# Builds the server and the benchmark (Release; --no-build uses the builds already there), then
# runs `console-push` with the other options (see README.md). Needs sipp (sip-tester) and Debian's
# chromium. tests/Omstilling.Bench.Tests runs it with --no-build --consoles 2 --calls 2.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=1
args=()
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=0; else args+=("$arg"); fi
done
if (( build )); then
  dotnet build src/Omstilling.Host -c Release -nologo -clp:ErrorsOnly
  dotnet build bench/Omstilling.Benchmarks -c Release -nologo -clp:ErrorsOnly
fi
exec dotnet bench/Omstilling.Benchmarks/bin/Release/net10.0/Omstilling.Benchmarks.dll console-push "${args[@]+"${args[@]}"}"
