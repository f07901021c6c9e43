#!/usr/bin/env bash
# Optional: one fuzz target under AFL++ (coverage-guided) with SharpFuzz instrumentation, beside the
# C# mutation fuzzer (bench/fuzz, which needs none of this). Needs Debian's afl++ and the SharpFuzz
# dotnet tool (installed here if missing). Findings: bench/fuzz/findings/afl-TARGET/afl/default/crashes.
#   bench/fuzz/afl.sh TARGET [minutes]      e.g. bench/fuzz/afl.sh sip-message 10
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${1:?usage: bench/fuzz/afl.sh TARGET [minutes]}
minutes=${2:-10}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install afl++" >&2; exit 1; }
export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
# The tool targets an older runtime; let it run on the one installed.
export DOTNET_ROLL_FORWARD=Major

out=bench/fuzz/findings/afl-$target
rm -rf "$out/bin"
dotnet publish bench/fuzz/afl -c Release -o "$out/bin" -nologo -v quiet
# Seeds first: instrumented code cannot run outside the fuzzer.
rm -rf "$out/seeds"
dotnet "$out/bin/Omstilling.Fuzz.Afl.dll" --seeds "$target" "$out/seeds"
for assembly in Omstilling.Sip Omstilling.Media Omstilling.Policy Omstilling.Directory; do
  sharpfuzz "$out/bin/$assembly.dll"
done

# dotnet itself is not instrumented (the assemblies are), core dumps are not ours to configure,
# and the CPU governor is the host's: tell AFL so.
AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 \
  afl-fuzz -V $((minutes * 60)) -i "$out/seeds" -o "$out/afl" -t 5000 -m none -- dotnet "$out/bin/Omstilling.Fuzz.Afl.dll" "$target"
