#!/usr/bin/env bash
# push.sh - how fast call events reach N open operator consoles, and whether they slow calls.
#   bench/console/push.sh [--consoles 50] [--calls 30]
# Builds the server and the benchmark (Release), then runs `console-push` (see README.md).
# Needs sipp (sip-tester) and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Omstilling.Host -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Omstilling.Benchmarks -c Release -nologo -clp:ErrorsOnly
dotnet bench/Omstilling.Benchmarks/bin/Release/net10.0/Omstilling.Benchmarks.dll console-push "$@"
