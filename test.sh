#!/usr/bin/env bash
# Runs every test. As root on a fresh Debian machine it first installs what the tests need
# (SIPp, baresip, espeak-ng and sox for speech, PostgreSQL, Chromium for the console's browser
# tests); otherwise it checks that they are there and says what is missing. It starts a private
# PostgreSQL server for the storage tests (scripts/test-postgres.sh) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

need_packages=(sip-tester baresip-core espeak-ng sox postgresql chromium sipvicious fail2ban systemd iproute2 nftables stunnel4 openssl)
missing=()
for pkg in "${need_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing test dependencies: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

OMSTILLING_TEST_POSTGRES="$(scripts/test-postgres.sh start)"
export OMSTILLING_TEST_POSTGRES
trap 'scripts/test-postgres.sh stop' EXIT

dotnet build Omstilling.slnx -c Release -nologo -clp:ErrorsOnly
dotnet test Omstilling.slnx -c Release --no-build -nologo "$@"
