#!/usr/bin/env bash
# Speaks every standard prompt (Danish, espeak-ng voice "da") into prompts/da as 8 kHz A-law WAV,
# and makes the music on hold with sox. The result is committed, so a new installation speaks
# Danish without espeak-ng; run this again after changing the texts in
# src/Omstilling.Media/Prompts/StandardPrompts.cs.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v espeak-ng >/dev/null || ! command -v sox >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends espeak-ng sox >/dev/null
  else
    echo "Install espeak-ng and sox first: sudo apt-get install espeak-ng sox" >&2
    exit 1
  fi
fi
rm -rf prompts/da.new
dotnet run --project src/Omstilling.Host -c Release -- prompts generate --out "$PWD/prompts/da.new"
rm -rf prompts/da
mv prompts/da.new prompts/da
