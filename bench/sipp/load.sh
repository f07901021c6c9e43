#!/usr/bin/env bash
# load.sh - SIPp load test of the Omstilling server (see README.md).
#
#   bench/sipp/load.sh              build (Release), start the server, run it all
#   bench/sipp/load.sh --no-build   use the binary already built
#   bench/sipp/load.sh --selftest   no server: the UAC calls uas_load.xml
#                                   directly and REGISTERs go to
#                                   selftest/registrar_load.xml (checks the
#                                   script, the scenarios and the parsing)
#
# Settings (environment): HOST SIP_PORT UAS_PORT UAC_PORT REG_PORT PING_PORT
#   TRANSPORT ("udp", "tls" or "udp tls": the call ramp once per transport;
#   tls: the caller over TLS through a stunnel client) TLS_PORT TUNNEL_PORT
#   WEB_PORT MANAGEMENT_PORT COLD_START_RATE COLD_START_SECONDS COLD_START_TARGET_PCT
#   CALL_RATES REG_RATES STEP_SECONDS BINDINGS BINDINGS_RATE
#   STOP_FAILED_PCT MAX_RETRANS_PCT DRAIN_SECONDS OMSTILLING_BIN SIPP OUT_DIR
#   LOG_LEVEL (the server's --log-level, default warning; information shows the warm-up)
# Output: bench/sipp/out/<date-time>/ (or OUT_DIR/<date-time>/; one directory
#   per step with the SIPp traces, server.log, results.jsonl, memory.json,
#   summary.txt). tests/Omstilling.Bench.Tests runs --selftest and one short
#   step of each ramp against the server (--no-build) at a tiny size.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
TEST_SIPP_DIR="$REPO_ROOT/tests/Omstilling.Host.Tests/Sipp"
STATS="$SCRIPT_DIR/sipp_stats.py"

MODE=server
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --selftest) MODE=selftest ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

HOST=${HOST:-127.0.0.1}
SIP_PORT=${SIP_PORT:-5070}
UAS_PORT=${UAS_PORT:-5090}
UAC_PORT=${UAC_PORT:-5092}
REG_PORT=${REG_PORT:-5094}
PING_PORT=${PING_PORT:-5096}
TRANSPORT=${TRANSPORT:-udp}
TLS_PORT=${TLS_PORT:-5071}
TUNNEL_PORT=${TUNNEL_PORT:-5098}
for t in $TRANSPORT; do
  [[ $t == udp || $t == tls ]] || { echo "load.sh: TRANSPORT must list udp and/or tls, not '$t'" >&2; exit 2; }
done
if [[ $MODE == selftest ]]; then
  CALL_RATES=${CALL_RATES:-"200 500"}
  REG_RATES=${REG_RATES:-"500 1000"}
  STEP_SECONDS=${STEP_SECONDS:-5}
  BINDINGS=${BINDINGS:-5000}
else
  CALL_RATES=${CALL_RATES:-"200 400 600 800 1000 1200 1500 2000"}
  REG_RATES=${REG_RATES:-"1000 2000 3000 4000 5000 6000"}
  STEP_SECONDS=${STEP_SECONDS:-10}
  BINDINGS=${BINDINGS:-100000}
fi
BINDINGS_RATE=${BINDINGS_RATE:-4000}
if [[ $MODE == selftest ]]; then COLD_START_RATE=${COLD_START_RATE:-0}; else COLD_START_RATE=${COLD_START_RATE:-1000}; fi
COLD_START_SECONDS=${COLD_START_SECONDS:-10}
COLD_START_TARGET_PCT=${COLD_START_TARGET_PCT:-0.1}
STOP_FAILED_PCT=${STOP_FAILED_PCT:-20}   # stop a ramp after a step this bad
MAX_RETRANS_PCT=${MAX_RETRANS_PCT:-0.1}
SIPP=${SIPP:-sipp}
CALLER=2001 CALLER_PASSWORD=demo2001
CALLEE=2002 CALLEE_PASSWORD=demo2002
SETTLE_SECONDS=2
SIPP_COMMON=(-i "$HOST" -nostdin -buff_size 4194304)

die() { echo "load.sh: $*" >&2; exit 1; }
command -v "$SIPP" >/dev/null || die "sipp not found (apt-get install sip-tester)"
if [[ " $TRANSPORT " == *" tls "* ]]; then
  [[ $MODE == server ]] || die "TRANSPORT=tls needs the server (not --selftest)"
  command -v stunnel4 >/dev/null || die "stunnel4 not found (apt-get install stunnel4): Debian's SIPp has no TLS of its own"
  command -v openssl >/dev/null || die "openssl not found"
fi
command -v python3 >/dev/null || die "python3 not found"
[[ -r /proc/self/stat ]] || die "needs Linux /proc"

RUN_DIR="${OUT_DIR:-$SCRIPT_DIR/out}/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RUN_DIR"
RESULTS="$RUN_DIR/results.jsonl"
MEMORY="$RUN_DIR/memory.json"
CLK_TCK=$(getconf CLK_TCK)

# Everything started in the background is recorded here and ended on exit.
STARTED_PIDS=()
cleanup() {
  local rc=$?
  trap - EXIT
  local pid
  for pid in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
    kill "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 30); do
    local alive=0
    for pid in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    (( alive )) || break
    sleep 0.1
  done
  for pid in "${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}"; do
    kill -9 "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# utime + stime of a process, in clock ticks (fields 14 and 15 of
# /proc/PID/stat, counted after the ")" that ends the command name).
cpu_ticks() {
  local line rest
  read -r line < "/proc/$1/stat" || { echo 0; return; }
  rest=${line##*) }
  read -r -a f <<< "$rest"
  echo $(( f[11] + f[12] ))
}
rss_kb() { awk '/^VmRSS:/ { print $2; exit }' "/proc/$1/status" 2>/dev/null || echo 0; }
alive() { kill -0 "$1" 2>/dev/null; }
now() { date +%s.%N; }

# Waits until HOST:port answers options_ping.xml (pid: process that must stay up).
wait_for_ping() {
  local port=$1 pid=$2 dir="$RUN_DIR/ping"
  mkdir -p "$dir"
  for _ in $(seq 1 60); do
    alive "$pid" || die "the process at port $port exited (see $RUN_DIR)"
    if (cd "$dir" && "$SIPP" "$HOST:$port" -sf "$SCRIPT_DIR/options_ping.xml" "${SIPP_COMMON[@]}" \
          -p "$PING_PORT" -m 1 -timeout 5s > ping.log 2>&1); then
      return 0
    fi
    sleep 0.5
  done
  die "no answer to OPTIONS on $HOST:$port after 30 s"
}

# Starts a SIPp UAS in the background in directory $1; sets BG_PID.
start_sipp_uas() {
  local dir=$1; shift
  mkdir -p "$dir"
  (cd "$dir" && exec "$SIPP" "$@" > sipp.log 2>&1) &
  BG_PID=$!
  STARTED_PIDS+=("$BG_PID")
}

stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do alive "$pid" || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# Failed share of the last step, in percent (integer).
last_failed_pct() {
  python3 -c 'import json,sys
r=[json.loads(l) for l in open(sys.argv[1]) if l.strip()][-1]
print(int(100*r["failed"]/max(r["created"],1)))' "$RESULTS"
}

echo "Omstilling SIPp load test ($MODE) -> $RUN_DIR"

# --- 1-2. server --------------------------------------------------------------
if [[ $MODE == server ]]; then
  if (( BUILD )); then
    echo "building src/Omstilling.Host (Release)..."
    dotnet build "$REPO_ROOT/src/Omstilling.Host" -c Release > "$RUN_DIR/build.log" 2>&1 \
      || { tail -n 30 "$RUN_DIR/build.log" >&2; die "build failed (see $RUN_DIR/build.log)"; }
  fi
  BIN=${OMSTILLING_BIN:-$REPO_ROOT/src/Omstilling.Host/bin/Release/net10.0/omstilling}
  SERVER_CMD=("$BIN")
  if [[ ! -x $BIN && -f $BIN.dll ]]; then SERVER_CMD=(dotnet "$BIN.dll"); fi
  [[ -x $BIN || -f $BIN.dll ]] || die "server binary not found: $BIN"
  # The data directory holds the demo accounts plus one account per binding of the memory step
  # (users 300000..., password "bench" + user): a registration is one phone of one account.
  # Every call comes from one account at one address (as from a trunk), so the per-account and
  # per-address call limits (issue 16) are lifted; the overload guard (--max-calls-in-setup) stays.
  mkdir -p "$RUN_DIR/data"
  python3 "$STATS" accounts --bench-users "$BINDINGS" --accounts "$RUN_DIR/data/accounts.json" \
      --csv "$RUN_DIR/bench-users.csv"
  TLS_ARGS=()
  if [[ " $TRANSPORT " == *" tls "* ]]; then
    # A throwaway CA and a certificate for $HOST: the server's --tls-cert, what the tunnel trusts.
    tls="$RUN_DIR/tls"; mkdir -p "$tls"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj "/CN=load.sh CA" \
        -keyout "$tls/ca.key" -out "$tls/ca.pem" > "$tls/openssl.log" 2>&1 || die "openssl: see $tls/openssl.log"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$HOST" \
        -keyout "$tls/server.key" -out "$tls/server.csr" >> "$tls/openssl.log" 2>&1 || die "openssl: see $tls/openssl.log"
    printf 'subjectAltName=IP:%s\nbasicConstraints=CA:FALSE\n' "$HOST" > "$tls/ext.cnf"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 1 \
        -extfile "$tls/ext.cnf" -out "$tls/server.pem" >> "$tls/openssl.log" 2>&1 || die "openssl: see $tls/openssl.log"
    TLS_ARGS=(--tls-port "$TLS_PORT" --tls-cert "$tls/server.pem" --tls-key "$tls/server.key")
  fi
  (cd "$RUN_DIR" && exec "${SERVER_CMD[@]}" run --demo --bind "$HOST" --sip-port "$SIP_PORT" \
      --web-port "${WEB_PORT:-18099}" --management "$HOST:${MANAGEMENT_PORT:-18098}" \
      --data-dir "$RUN_DIR/data" --diagnostics --log-level "${LOG_LEVEL:-warning}" \
      --max-calls-per-account 1000000 --max-calls-per-address 1000000 \
      "${TLS_ARGS[@]+"${TLS_ARGS[@]}"}" > server.log 2>&1) &
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
  echo "server pid $SERVER_PID on $HOST:$SIP_PORT; waiting for OPTIONS answer..."
  wait_for_ping "$SIP_PORT" "$SERVER_PID"
  READY_AT=$(now)
  echo "server is up (RSS $(( $(rss_kb "$SERVER_PID") / 1024 )) MB)"
  if [[ " $TRANSPORT " == *" tls "* ]]; then
    # SIPp's one TCP connection (-t t1) on $TUNNEL_PORT becomes one TLS connection to the server.
    cat > "$tls/stunnel.conf" <<CONF
foreground = yes
pid =
debug = warning
[sip]
client = yes
accept = $HOST:$TUNNEL_PORT
connect = $HOST:$TLS_PORT
CAfile = $tls/ca.pem
verifyChain = yes
checkIP = $HOST
CONF
    (cd "$tls" && exec stunnel4 "$tls/stunnel.conf" > stunnel.log 2>&1) &
    STARTED_PIDS+=("$!")
    for _ in $(seq 1 50); do
      (exec 3<>"/dev/tcp/$HOST/$TUNNEL_PORT") 2>/dev/null && break
      sleep 0.1
    done
    echo "SIP over TLS on $HOST:$TLS_PORT, through stunnel from $HOST:$TUNNEL_PORT"
  fi
fi

# --- 3. callee ----------------------------------------------------------------
if [[ $MODE == server ]]; then
  (cd "$RUN_DIR" && "$SIPP" "$HOST:$SIP_PORT" -sf "$TEST_SIPP_DIR/register.xml" "${SIPP_COMMON[@]}" \
      -p "$UAS_PORT" -m 1 -timeout 15s -key username "$CALLEE" -key password "$CALLEE_PASSWORD" \
      > register-uas.log 2>&1) || die "registering $CALLEE from port $UAS_PORT failed (see $RUN_DIR/register-uas.log)"
  CALL_PORT=$SIP_PORT
else
  # selftest: register.xml against selftest/registrar.xml, then call the UAS directly.
  start_sipp_uas "$RUN_DIR/registrar" -sf "$SCRIPT_DIR/selftest/registrar.xml" "${SIPP_COMMON[@]}" \
      -p "$SIP_PORT" -m 1 -timeout 15s -key username "$CALLEE" -key password "$CALLEE_PASSWORD"
  REGISTRAR_PID=$BG_PID
  sleep 0.3
  (cd "$RUN_DIR" && "$SIPP" "$HOST:$SIP_PORT" -sf "$TEST_SIPP_DIR/register.xml" "${SIPP_COMMON[@]}" \
      -p "$UAS_PORT" -m 1 -timeout 15s -key username "$CALLEE" -key password "$CALLEE_PASSWORD" \
      > register-uas.log 2>&1) || die "register.xml against selftest/registrar.xml failed"
  wait "$REGISTRAR_PID" 2>/dev/null || true
  CALL_PORT=$UAS_PORT
fi
echo "registered $CALLEE at $HOST:$UAS_PORT"

UAS_DIR="$RUN_DIR/uas"
start_sipp_uas "$UAS_DIR" -sf "$SCRIPT_DIR/uas_load.xml" "${SIPP_COMMON[@]}" -p "$UAS_PORT" -aa \
    -trace_stat -stf stat.csv -fd 1 -trace_counts -trace_err -max_log_size 20000000
UAS_PID=$BG_PID
if [[ $MODE == server ]]; then
  TARGET_PID=$SERVER_PID
else
  TARGET_PID=$UAS_PID   # selftest: the "server" measured is the UAS
  wait_for_ping "$UAS_PORT" "$UAS_PID"
  READY_AT=$(now)
fi
for _ in $(seq 1 50); do
  UAS_COUNTS=$(ls "$UAS_DIR"/uas_load_*_counts.csv 2>/dev/null | head -n 1 || true)
  [[ -n $UAS_COUNTS ]] && break
  sleep 0.1
done
alive "$UAS_PID" || die "uas_load.xml did not start (see $UAS_DIR/sipp.log)"

# One step of calls from $CALLER to $CALLEE at $2 calls/s for $3 seconds, recorded as kind $1;
# $4 (optional) is the transport of the caller: udp, or tls through the tunnel.
call_step() {
  local kind=$1 rate=$2 seconds=$3 transport=${4:-udp} dir c0 c1 t0 limit rc=0 target=$CALL_PORT extra=()
  if [[ $transport == tls ]]; then target=$TUNNEL_PORT; extra=(-t t1); fi
  dir="$RUN_DIR/$kind-$rate"; mkdir -p "$dir"
  limit=$(( rate * 2 > 200 ? rate * 2 : 200 ))
  c0=$(cpu_ticks "$TARGET_PID"); t0=$(now)
  (cd "$dir" && "$SIPP" "$HOST:$target" -sf "$SCRIPT_DIR/uac_load.xml" "${SIPP_COMMON[@]}" "${extra[@]+"${extra[@]}"}" \
      -p "$UAC_PORT" -r "$rate" -m $(( rate * seconds )) -l "$limit" -timeout $(( seconds + 60 ))s \
      -key username "$CALLER" -key password "$CALLER_PASSWORD" -key callee "$CALLEE" \
      -trace_stat -stf stat.csv -fd 1 -trace_rtt -rtt_freq 1 -trace_counts \
      -trace_err -max_log_size 20000000 > sipp.log 2>&1) || rc=$?
  c1=$(cpu_ticks "$TARGET_PID")
  sleep "$SETTLE_SECONDS"
  python3 "$STATS" step --dir "$dir" --kind "$kind" --rate "$rate" --rtd invite \
      --cpu-before "$c0" --cpu-after "$c1" --clk-tck "$CLK_TCK" --rss-kb "$(rss_kb "$TARGET_PID")" \
      --results "$RESULTS" --peer-counts "$UAS_COUNTS" --t0 "$t0" --t1 "$(now)"
  STEP_RC=$rc
}

# --- 4. cold start ------------------------------------------------------------
# The first calls reach a server that has only just answered its first OPTIONS: what a restart
# in office hours does to the calls that arrive at once (issue 15: <= 0.1 % failed at 1,000/s).
if (( COLD_START_RATE > 0 )); then
  echo
  echo "Cold start: $COLD_START_RATE calls/s for $COLD_START_SECONDS s, starting" \
      "$(python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.2f}")' "$READY_AT" "$(now)") s after the first answer"
  alive "$TARGET_PID" || die "the server died (see $RUN_DIR/server.log)"
  call_step cold "$COLD_START_RATE" "$COLD_START_SECONDS"
fi

# --- 5. call ramp -------------------------------------------------------------
# Once per transport of the caller (the callee stays on UDP): kind "calls" (UDP), "calls-tls".
for transport in $TRANSPORT; do
  kind=calls; [[ $transport == tls ]] && kind=calls-tls
  echo
  echo "Call ramp ($transport): $CALL_RATES calls/s, $STEP_SECONDS s each, $CALLER -> $CALLEE"
  for rate in $CALL_RATES; do
    alive "$TARGET_PID" || die "the server died (see $RUN_DIR/server.log)"
    call_step "$kind" "$rate" "$STEP_SECONDS" "$transport"
    if (( $(last_failed_pct) > STOP_FAILED_PCT )); then
      echo "  more than $STOP_FAILED_PCT % failed (sipp exit $STEP_RC): call ramp stopped"
      break
    fi
  done
done
stop_pid "$UAS_PID"

# --- 6. REGISTER ramp -----------------------------------------------------------
if [[ $MODE == selftest ]]; then
  start_sipp_uas "$RUN_DIR/registrar-load" -sf "$SCRIPT_DIR/selftest/registrar_load.xml" \
      "${SIPP_COMMON[@]}" -p "$SIP_PORT" -aa
  TARGET_PID=$BG_PID
  wait_for_ping "$SIP_PORT" "$TARGET_PID"
fi
echo
echo "REGISTER ramp: $REG_RATES registrations/s, $STEP_SECONDS s each, users 2000-2099"
for rate in $REG_RATES; do
  alive "$TARGET_PID" || die "the server died (see $RUN_DIR/server.log)"
  dir="$RUN_DIR/register-$rate"; mkdir -p "$dir"
  limit=$(( rate * 2 > 200 ? rate * 2 : 200 ))
  c0=$(cpu_ticks "$TARGET_PID"); rc=0
  (cd "$dir" && "$SIPP" "$HOST:$SIP_PORT" -sf "$SCRIPT_DIR/register_load.xml" "${SIPP_COMMON[@]}" \
      -inf "$SCRIPT_DIR/users.csv" -p "$REG_PORT" -r "$rate" -m $(( rate * STEP_SECONDS )) -l "$limit" \
      -timeout $(( STEP_SECONDS + 60 ))s -trace_stat -stf stat.csv -fd 1 -trace_rtt -rtt_freq 1 \
      -trace_counts -trace_err -max_log_size 20000000 > sipp.log 2>&1) || rc=$?
  c1=$(cpu_ticks "$TARGET_PID")
  sleep 1
  python3 "$STATS" step --dir "$dir" --kind register --rate "$rate" --rtd register \
      --cpu-before "$c0" --cpu-after "$c1" --clk-tck "$CLK_TCK" --rss-kb "$(rss_kb "$TARGET_PID")" \
      --results "$RESULTS"
  if (( $(last_failed_pct) > STOP_FAILED_PCT )); then
    echo "  more than $STOP_FAILED_PCT % failed (sipp exit $rc): REGISTER ramp stopped"
    break
  fi
done

# --- 7. memory per binding ------------------------------------------------------
echo
if [[ $MODE == server ]]; then
  echo "Memory: $BINDINGS phones register (one binding per account) at $BINDINGS_RATE/s"
  BINDINGS_SCENARIO="$SCRIPT_DIR/register_load.xml"
  BINDINGS_USERS="$RUN_DIR/bench-users.csv"
  # Every transaction of the ramps above ends within 64*T1 = 32 s; measure after they have.
  DRAIN_SECONDS=${DRAIN_SECONDS:-40}
else
  echo "Memory: $BINDINGS new bindings at $BINDINGS_RATE/s over the 100 accounts"
  BINDINGS_SCENARIO="$SCRIPT_DIR/register_bindings.xml"
  BINDINGS_USERS="$SCRIPT_DIR/users.csv"
  DRAIN_SECONDS=${DRAIN_SECONDS:-2}
fi
alive "$TARGET_PID" || die "the server died (see $RUN_DIR/server.log)"
dir="$RUN_DIR/bindings"; mkdir -p "$dir"
sleep "$DRAIN_SECONDS"
rss0=$(rss_kb "$TARGET_PID"); rc=0
if [[ $MODE == server ]]; then
  # The management listener serves the diagnostics without a login (on the web port they need an administrator's).
  curl -s -X POST "http://$HOST:${MANAGEMENT_PORT:-18098}/api/diagnostics/gc" > "$dir/heap-before.json" || true
fi
(cd "$dir" && "$SIPP" "$HOST:$SIP_PORT" -sf "$BINDINGS_SCENARIO" "${SIPP_COMMON[@]}" \
    -inf "$BINDINGS_USERS" -p "$REG_PORT" -r "$BINDINGS_RATE" -m "$BINDINGS" \
    -l $(( BINDINGS_RATE * 2 )) -timeout $(( BINDINGS / BINDINGS_RATE + 60 ))s \
    -trace_stat -stf stat.csv -fd 1 -trace_err -max_log_size 20000000 > sipp.log 2>&1) || rc=$?
sleep "$DRAIN_SECONDS"
rss1=$(rss_kb "$TARGET_PID")
if [[ $MODE == server ]]; then
  curl -s -X POST "http://$HOST:${MANAGEMENT_PORT:-18098}/api/diagnostics/gc" > "$dir/heap-after.json" || true
  python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
before, after = (json.load(open(f"{d}/heap-{w}.json")) for w in ("before", "after"))
added = after["registrations"] - before["registrations"]
grown = after["managedHeapBytes"] - before["managedHeapBytes"]
print(f"  managed heap after a full collection: {before['managedHeapBytes'] / 1e6:.1f} MB with {before['registrations']} registrations, "
      f"{after['managedHeapBytes'] / 1e6:.1f} MB with {after['registrations']}")
if added > 0:
    print(f"  = {grown / added:.0f} bytes per registration, {grown * 100000 / added / 1e6:.1f} MB per 100,000 "
          f"(the whole heap, accounts and all: {after['managedHeapBytes'] / 1e6:.1f} MB)")
PY
fi
python3 "$STATS" memory --dir "$dir" --requested "$BINDINGS" --rss-before "$rss0" --rss-after "$rss1" \
    --out "$MEMORY"

# --- 8. summary -------------------------------------------------------------------
echo
python3 "$STATS" summary --results "$RESULTS" --memory "$MEMORY" --max-retrans-pct "$MAX_RETRANS_PCT" \
    --cold-target-pct "$COLD_START_TARGET_PCT" \
    | tee "$RUN_DIR/summary.txt"
if [[ $MODE == selftest ]]; then
  echo "(selftest: CPU and RSS are those of the SIPp UAS / registrar, not of Omstilling)"
fi
echo
echo "traces: $RUN_DIR"
# 9. the EXIT trap ends the server and the UAS.
