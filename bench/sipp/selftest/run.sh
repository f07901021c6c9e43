#!/usr/bin/env bash
# selftest/run.sh - checks the SIPp scenarios without the Omstilling server.
#
# Runs every UAC scenario of tests/Omstilling.Host.Tests/Sipp against its UAS
# counterpart (direct, no authentication), then again against
# selftest/uas_challenge.xml (407 first), register.xml / unregister.xml
# against selftest/registrar.xml, a few cases that must fail, and the load
# pair (uac_load.xml -> uas_load.xml, 500 calls/s for 5 s). Afterwards it
# recomputes every Authorization / Proxy-Authorization digest the UACs sent
# (python3, from the message traces).
#
#   bench/sipp/selftest/run.sh        (ports: UAS_PORT=15062, UAC_PORT=15063)
# Exit status 0 when every case ended as expected.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(cd "$HERE/.." && pwd)"
REPO_ROOT="$(cd "$BENCH/../.." && pwd)"
T="$REPO_ROOT/tests/Omstilling.Host.Tests/Sipp"
SIPP=${SIPP:-sipp}
UAS_PORT=${UAS_PORT:-15062}
UAC_PORT=${UAC_PORT:-15063}
OUT="$BENCH/out/selftest-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
KEYS=(-key username 2001 -key password demo2001 -key callee 2002)

UAS_PID=
cleanup() { [[ -n $UAS_PID ]] && kill "$UAS_PID" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT

passed=0 failed=0 n=0
# pair NAME UAS_XML "UAS ARGS" UAC_XML "UAC ARGS" EXPECTED_UAC_RC EXPECTED_UAS_RC
pair() {
  local name=$1 uas=$2 uas_args=$3 uac=$4 uac_args=$5 want_uac=$6 want_uas=$7
  n=$((n + 1))
  local dir="$OUT/$(printf '%02d' "$n")-$name"
  mkdir -p "$dir"
  # shellcheck disable=SC2086
  (cd "$dir" && exec "$SIPP" -sf "$uas" -i 127.0.0.1 -p "$UAS_PORT" -m 1 -timeout 30s -nostdin \
      -trace_msg -message_file uas_messages.log -trace_logs -log_file uas_logs.log $uas_args \
      > uas.out 2>&1) &
  UAS_PID=$!
  sleep 0.3
  # shellcheck disable=SC2086
  (cd "$dir" && "$SIPP" "127.0.0.1:$UAS_PORT" -sf "$uac" -i 127.0.0.1 -p "$UAC_PORT" -m 1 -timeout 30s \
      -nostdin -trace_msg -message_file uac_messages.log -trace_logs -log_file uac_logs.log $uac_args \
      > uac.out 2>&1)
  local rc_uac=$?
  wait "$UAS_PID"; local rc_uas=$?
  UAS_PID=
  if [[ $rc_uac == "$want_uac" && $rc_uas == "$want_uas" ]]; then
    passed=$((passed + 1)); printf 'PASS  %-48s uac %s  uas %s\n' "$name" "$rc_uac" "$rc_uas"
  else
    failed=$((failed + 1)); printf 'FAIL  %-48s uac %s (want %s)  uas %s (want %s)  %s\n' \
      "$name" "$rc_uac" "$want_uac" "$rc_uas" "$want_uas" "$dir"
  fi
}

REG_KEYS="-key username 2001 -key password demo2001"
pair register              "$HERE/registrar.xml" "$REG_KEYS" "$T/register.xml"   "$REG_KEYS" 0 0
pair unregister            "$HERE/registrar.xml" "$REG_KEYS" "$T/unregister.xml" "$REG_KEYS" 0 0
pair register-bad-password "$HERE/registrar.xml" "$REG_KEYS" "$T/register.xml" \
     "-key username 2001 -key password wrong" 1 0

K="${KEYS[*]}"
pair call_bye          "$T/uas_answer.xml"           "" "$T/uac_call_bye.xml"      "$K" 0 0
pair call_wait_bye     "$T/uas_answer_then_bye.xml"  "" "$T/uac_call_wait_bye.xml" "$K" 0 0
pair cancel            "$T/uas_ring_then_cancel.xml" "" "$T/uac_cancel.xml"        "$K" 0 0
pair cancel-ring-forever "$T/uas_ring_forever.xml"   "" "$T/uac_cancel.xml"        "$K" 0 0
pair busy              "$T/uas_busy.xml"             "" "$T/uac_expect_busy.xml"   "$K" 0 0
pair unavailable       "$HERE/uas_480.xml"           "" "$T/uac_expect_480.xml"    "$K" 0 0
pair final-486         "$T/uas_busy.xml"             "" "$T/uac_expect_final.xml" "$K -key expected 486" 0 0
pair final-480         "$HERE/uas_480.xml"           "" "$T/uac_expect_final.xml" "$K -key expected 480" 0 0

C="$HERE/uas_challenge.xml"
pair 407-call_bye      "$C" "-key then answer"  "$T/uac_call_bye.xml"      "$K" 0 0
pair 407-call_wait_bye "$C" "-key then hangup"  "$T/uac_call_wait_bye.xml" "$K" 0 0
pair 407-cancel        "$C" "-key then cancel"  "$T/uac_cancel.xml"        "$K" 0 0
pair 407-busy          "$C" "-key then busy"    "$T/uac_expect_busy.xml"   "$K" 0 0
pair 407-unavailable   "$C" "-key then offline" "$T/uac_expect_480.xml"    "$K" 0 0
pair 407-final-486     "$C" "-key then busy"    "$T/uac_expect_final.xml" "$K -key expected 486" 0 0

# Must fail.
pair neg-busy-but-answered "$T/uas_answer.xml" "" "$T/uac_expect_busy.xml"  "$K" 1 1
pair neg-480-but-486       "$T/uas_busy.xml"   "" "$T/uac_expect_480.xml"   "$K" 1 0
pair neg-final-wrong-code  "$T/uas_busy.xml"   "" "$T/uac_expect_final.xml" "$K -key expected 480" 1 0
pair neg-cancel-but-answered "$C" "-key then answer" "$T/uac_cancel.xml"    "$K" 1 1

# Load pair: 500 calls/s for 5 s.
n=$((n + 1)); dir="$OUT/$(printf '%02d' "$n")-load-500cps"; mkdir -p "$dir"
(cd "$dir" && exec "$SIPP" -sf "$BENCH/uas_load.xml" -i 127.0.0.1 -p "$UAS_PORT" -m 2500 -timeout 60s \
    -nostdin -trace_stat -stf uas_stat.csv > uas.out 2>&1) &
UAS_PID=$!
sleep 0.3
(cd "$dir" && "$SIPP" "127.0.0.1:$UAS_PORT" -sf "$BENCH/uac_load.xml" -i 127.0.0.1 -p "$UAC_PORT" \
    -r 500 -m 2500 -l 1000 -timeout 60s -nostdin "${KEYS[@]}" -trace_stat -stf uac_stat.csv \
    -trace_rtt -rtt_freq 1 -trace_counts > uac.out 2>&1)
rc_uac=$?; wait "$UAS_PID"; rc_uas=$?; UAS_PID=
ok=$(grep -a "Successful call" "$dir/uac.out" | tail -n 1 | awk -F'|' '{gsub(/ /,"",$3); print $3}')
if [[ $rc_uac == 0 && $rc_uas == 0 && $ok == 2500 ]]; then
  passed=$((passed + 1)); printf 'PASS  %-48s uac %s  uas %s  (%s calls)\n' load-500cps "$rc_uac" "$rc_uas" "$ok"
else
  failed=$((failed + 1)); printf 'FAIL  %-48s uac %s  uas %s  (%s calls)  %s\n' load-500cps "$rc_uac" "$rc_uas" "$ok" "$dir"
fi

# Digest responses sent by the UACs, recomputed (password = "demo" + user,
# except in the bad-password case, which must not match).
python3 - "$OUT" <<'EOF' || failed=$((failed + 1))
import glob, hashlib, os, re, sys

def md5(s):
    return hashlib.md5(s.encode()).hexdigest()

def messages(path):
    text = open(path, errors="replace").read()
    for chunk in re.split(r"\n-{20,}[^\n]*\n", text):
        m = re.search(r"UDP message (sent|received)[^\n]*\n+(.*)", chunk, re.S)
        if m:
            yield m.group(1), m.group(2).strip("\n")

def params(value):
    return dict((k, v.strip('"')) for k, v in re.findall(r'(\w+)=("[^"]*"|[^,\s]+)', value))

bad = 0; checked = 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*", "uac_messages.log"))):
    case = os.path.basename(os.path.dirname(path))
    challenge = {}
    for direction, msg in messages(path):
        lines = msg.split("\n")
        first = lines[0].strip()
        headers = [l.strip() for l in lines[1:] if ":" in l]
        if direction == "received" and re.match(r"SIP/2.0 40[17] ", first):
            for h in headers:
                name, _, value = h.partition(":")
                if name.lower() in ("www-authenticate", "proxy-authenticate") and "MD5" in value:
                    challenge = params(value)
                    break
        if direction == "sent" and not first.startswith("SIP/2.0"):
            method, ruri = first.split()[0], first.split()[1]
            for h in headers:
                name, _, value = h.partition(":")
                if name.lower() not in ("authorization", "proxy-authorization"):
                    continue
                p = params(value)
                password = "wrong" if "bad-password" in case else "demo" + p["username"]
                ha1 = md5("%s:%s:%s" % (p["username"], p["realm"], password))
                ha2 = md5("%s:%s" % (method, p["uri"]))
                want = md5(":".join([ha1, p["nonce"], p["nc"], p["cnonce"], p["qop"], ha2]))
                right = "demo" + p["username"]
                should = md5(":".join([md5("%s:%s:%s" % (p["username"], p["realm"], right)),
                                       p["nonce"], p["nc"], p["cnonce"], p["qop"], ha2]))
                ok = (want == p["response"] and p["nonce"] == challenge.get("nonce")
                      and p.get("algorithm", "MD5") == "MD5")
                if "bad-password" in case:
                    ok = ok and should != p["response"]
                checked += 1
                flag = "ok " if ok else "BAD"
                if not ok:
                    bad += 1
                print("digest %s %-28s %-20s %s uri=%s (Request-URI %s)" % (
                    flag, case, name, method, p["uri"], ruri))
print("digest responses checked: %d, wrong: %d" % (checked, bad))
sys.exit(1 if bad or not checked else 0)
EOF

echo
echo "selftest: $passed passed, $failed failed (traces in $OUT)"
(( failed == 0 ))
