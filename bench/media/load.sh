#!/usr/bin/env bash
# Media timing under load (issue #3): starts the server (Release) on loopback and measures
#   1. PROMPTS concurrent calls to 8001, each receiving a prompt (a 2-minute recording replaces
#      the greeting for the run), timed by media-load with kernel receive timestamps;
#   2. BRIDGED concurrent calls 2001 -> 2002, both phones sending A-law every 20 ms, the relayed
#      packets timed on both sides;
#   3. the IVR scenario: SIPp calls 8001 at IVR_RATE calls/s, hears a 3.5 s prompt, the server
#      hangs up (uac_call_wait_bye.xml), IVR_SECONDS long.
# Prints interval p50/p99/max, |interval - 20 ms| p99/max, loss and server CPU per stream, the
# worst late packet, cyclictest and steal time; for bridged calls also the transit difference |D|
# and the senders' jitter; for the IVR: calls ok/failed, retransmissions and CPU per call (server
# and SIPp). Everything started is stopped on exit.
# Settings (environment): PROMPTS (2000) BRIDGED (500) IVR_RATE (600) IVR_SECONDS (20) WINDOW (15)
# PARTS ("prompts bridged ivr": which of the three to run) MEDIA_THREADS (the server's --media-threads;
# empty: its default) TRACE (1: record the kernel's scheduler events during the timed runs, stamped
# with CLOCK_TAI, into trace-prompts.txt and trace-bridged.txt, and explain each meter's worst
# packet with trace-explain.py: what held the cores before it arrived) SIP_PORT (5070) WEB_PORT (18097)
# MANAGEMENT_PORT (18096) RTP_PORTS (10000-30000) OUT_DIR (bench/media/out: each run in a folder of
# its own there) PLATFORM_PROBE (0: do not install rt-tests for cyclictest when it is missing)
# Options: --no-build (use the Release builds already there, as the smoke test in
# tests/Omstilling.Bench.Tests does with PROMPTS=5 BRIDGED=3 IVR_RATE=5 IVR_SECONDS=2 WINDOW=2).
set -euo pipefail
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${OUT_DIR:-$ROOT/bench/media/out}/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
PROMPTS=${PROMPTS:-2000} BRIDGED=${BRIDGED:-500} IVR_RATE=${IVR_RATE:-600} IVR_SECONDS=${IVR_SECONDS:-20} WINDOW=${WINDOW:-15}
SIP_PORT=${SIP_PORT:-5070} WEB_PORT=${WEB_PORT:-18097} MANAGEMENT_PORT=${MANAGEMENT_PORT:-18096} RTP_PORTS=${RTP_PORTS:-10000-30000}
PARTS=${PARTS:-prompts bridged ivr}
part() { [[ " $PARTS " == *" $1 "* ]]; }

PIDS=()
TRACING=/sys/kernel/tracing
trap 'for p in "${PIDS[@]+"${PIDS[@]}"}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [[ ${TRACE:-} != 1 ]] || echo 0 > "$TRACING/tracing_on"' EXIT

# TRACE=1: every context switch, wake-up and softirq, stamped with CLOCK_TAI (the wall clock, in
# which the client prints late packets, plus the kernel's TAI offset: trace-explain.py adds it).
trace_start() {
  [[ ${TRACE:-} == 1 ]] || return 0
  mountpoint -q "$TRACING" || mount -t tracefs nodev "$TRACING"
  echo 0 > "$TRACING/tracing_on"
  echo tai > "$TRACING/trace_clock"
  echo 400000 > "$TRACING/buffer_size_kb"
  echo > "$TRACING/trace"
  echo "sched:sched_switch sched:sched_wakeup irq:softirq_entry irq:softirq_exit" > "$TRACING/set_event"
  echo 1 > "$TRACING/tracing_on"
}
trace_stop() {
  [[ ${TRACE:-} == 1 ]] || return 0
  echo 0 > "$TRACING/tracing_on"
  cat "$TRACING/trace" > "$OUT/trace-$1.txt"
  echo > "$TRACING/set_event"
  echo local > "$TRACING/trace_clock"
  echo "kernel trace: $OUT/trace-$1.txt; what ran before each meter's worst packet:"
  python3 "$ROOT/bench/media/trace-explain.py" "$OUT/trace-$1.txt" "$OUT/$1.txt"
}

# cyclictest (rt-tests) runs beside each window to show how long the machine itself stalls a core.
if ! command -v cyclictest > /dev/null; then
  if [[ ${PLATFORM_PROBE:-1} == 0 ]] || ! apt-get install -y rt-tests > "$OUT/apt.log" 2>&1; then
    echo "(rt-tests not installed: the platform is not probed)"
  fi
fi

if (( BUILD )); then
  echo "building (Release)..."
  dotnet build "$ROOT/src/Omstilling.Host" -c Release -nologo -clp:ErrorsOnly > "$OUT/build.log"
  dotnet build "$ROOT/bench/Omstilling.Benchmarks" -c Release -nologo -clp:ErrorsOnly >> "$OUT/build.log"
fi
SERVER=${SERVER_DLL:-"$ROOT/src/Omstilling.Host/bin/Release/net10.0/omstilling.dll"}   # SERVER_DLL: another build, for A/B runs
LOAD="$ROOT/bench/Omstilling.Benchmarks/bin/Release/net10.0/Omstilling.Benchmarks.dll"
# The timing client must not pause itself: a 256 MB allocation budget keeps its garbage collector
# from running during a window (it prints how many collections it had anyway).
load() { DOTNET_GCgen0size=0x10000000 dotnet "$LOAD" media-load "$@"; }

# A prompt of the given length: a sweeping tone, so every packet differs.
make_prompt() {
  python3 - "$1" "$2" <<'PY'
import math, struct, sys, wave
path, seconds = sys.argv[1], float(sys.argv[2])
w = wave.open(path, "wb"); w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
w.writeframes(b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * (300 + 200 * math.sin(i / 4000.0)) * i / 8000)))
                       for i in range(int(8000 * seconds))))
w.close()
PY
}

start_server() {
  local data=$1
  # /api/status is read on the management listener, where it needs no login.
  (cd "$OUT" && exec dotnet "$SERVER" run --demo --bind 127.0.0.1 --sip-port "$SIP_PORT" --web-port "$WEB_PORT" --management "127.0.0.1:$MANAGEMENT_PORT" \
      --data-dir "$data" --rtp-ports "$RTP_PORTS" ${MEDIA_THREADS:+--media-threads "$MEDIA_THREADS"} --log-level warning > "$data.log" 2>&1) &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local up=0
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$WEB_PORT/api/health" > /dev/null; then up=1; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  if (( ! up )); then
    tail -n 30 "$data.log" >&2
    echo "load.sh: the server did not start (see $data.log)" >&2
    exit 1
  fi
  # dotnet runs the server as a child of the subshell: measure the process that holds the port.
  SERVER_PID=$(pgrep -f "omstilling.dll run --demo --bind 127.0.0.1 --sip-port $SIP_PORT" | head -n 1)
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  sleep 1
}

mkdir -p "$OUT/long/prompts" "$OUT/ivr/prompts"
make_prompt "$OUT/long/prompts/goddag.wav" 120
make_prompt "$OUT/ivr/prompts/goddag.wav" 3.0   # + 0.5 s of silence the greeting service adds = 3.5 s

if part prompts || part bridged; then
  start_server "$OUT/long"
  if part prompts; then
    echo; echo "== $PROMPTS concurrent prompt streams =="
    trace_start
    load prompts --server "127.0.0.1:$SIP_PORT" --calls "$PROMPTS" --rate 200 --window "$WINDOW" --server-pid "$SERVER_PID" --status "http://127.0.0.1:$MANAGEMENT_PORT/api/status" | tee "$OUT/prompts.txt"
    trace_stop prompts
    sleep 3
  fi
  if part bridged; then
    echo; echo "== $BRIDGED bridged calls =="
    trace_start
    load bridged --server "127.0.0.1:$SIP_PORT" --calls "$BRIDGED" --rate 100 --window "$WINDOW" --server-pid "$SERVER_PID" --status "http://127.0.0.1:$MANAGEMENT_PORT/api/status" | tee "$OUT/bridged.txt"
    trace_stop bridged
  fi
  stop_server
fi

if part ivr; then
echo; echo "== IVR: SIPp calls 8001 at $IVR_RATE/s for $IVR_SECONDS s (3.5 s prompt, the server hangs up) =="
start_server "$OUT/ivr"
mkdir -p "$OUT/ivr-sipp"
c0=$(awk '{print $14+$15}' "/proc/$SERVER_PID/stat")
(cd "$OUT/ivr-sipp" && sipp "127.0.0.1:$SIP_PORT" -sf "$ROOT/tests/Omstilling.Host.Tests/Sipp/uac_call_wait_bye.xml" -i 127.0.0.1 -nostdin \
    -buff_size 4194304 -r "$IVR_RATE" -m $(( IVR_RATE * IVR_SECONDS )) -l $(( IVR_RATE * 8 )) -timeout $(( IVR_SECONDS + 60 ))s \
    -key username 2001 -key password demo2001 -key callee 8001 -trace_stat -stf stat.csv -fd 1 > sipp.log 2>&1; times > times.txt) || true
# SIPp's own CPU (the subshell's children), beside the server's: a peer at its limit delays ACKs too.
sipp_cpu=$(sed -n 2p "$OUT/ivr-sipp/times.txt" | awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); t += a[1] * 60 + a[2] } print t }')
c1=$(awk '{print $14+$15}' "/proc/$SERVER_PID/stat")
python3 - "$OUT/ivr-sipp/stat.csv" "$c0" "$c1" "$(getconf CLK_TCK)" "$IVR_RATE" "$sipp_cpu" <<'PY' | tee "$OUT/ivr.txt"
import csv, sys
rows = list(csv.reader(open(sys.argv[1]), delimiter=";"))
h, last = rows[0], rows[-1]
g = lambda n: last[h.index(n)]
ok, failed, retrans = int(g("SuccessfulCall(C)")), int(g("FailedCall(C)")), int(g("Retransmissions(C)"))
messages = 9 * (ok + failed)  # INVITE 407 ACK INVITE 100 200 ACK BYE 200
peak = max(int(r[h.index("CurrentCall")]) for r in rows[1:])
cpu = (int(sys.argv[3]) - int(sys.argv[2])) / int(sys.argv[4])
print(f"IVR at {sys.argv[5]}/s: {ok} ok, {failed} failed, {retrans} retransmissions ({100.0 * retrans / max(messages, 1):.3f} % of messages), "
      f"peak {peak} concurrent calls, server CPU {cpu * 1000 / max(ok, 1):.2f} ms per call, SIPp CPU {float(sys.argv[6]) * 1000 / max(ok, 1):.2f} ms per call")
PY
stop_server
fi
echo; echo "results: $OUT"
