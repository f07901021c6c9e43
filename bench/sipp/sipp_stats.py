#!/usr/bin/env python3
"""Reads the SIPp trace files of one load.sh step and prints the summary.

  sipp_stats.py step --dir STEPDIR --kind cold|calls|calls-tls|register --rate R --rtd NAME
                     --cpu-before TICKS --cpu-after TICKS --clk-tck HZ
                     --rss-kb KB --results FILE [--peer-counts CSV --t0 S --t1 S]
      Appends one JSON line for the step to FILE and prints a one-line report.
      STEPDIR holds what "sipp -trace_stat -stf stat.csv -trace_rtt
      -rtt_freq 1 -trace_counts" wrote when run from it.

  sipp_stats.py memory --dir STEPDIR --requested N --rss-before KB --rss-after KB --out FILE
      Writes the memory-per-binding figures (ok/failed from STEPDIR/stat.csv).

  sipp_stats.py summary --results FILE [--memory FILE] [--max-retrans-pct P] [--cold-target-pct P]
      Prints the tables, the cold start's failed share against its target, the
      highest clean rate per kind and the memory figures.

Files of SIPp 3.6.1 it reads:
  stat.csv                 (-trace_stat -stf): ';' separated, one row per
                           -fd period, cumulative columns end in "(C)".
  <scenario>_<pid>_rtt.csv (-trace_rtt -rtt_freq 1): "Date_ms;response_time_ms;rtd_no",
                           one row per measured RTD, whole milliseconds.
  <scenario>_<pid>_counts.csv (-trace_counts): per scenario message
                           "<idx>_<name>_Sent|_Recv", "_Retrans", ... columns,
                           cumulative, one row per -fd period.
"""

import argparse
import csv
import glob
import json
import math
import os
import sys


def read_rows(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f, delimiter=";") if r]
    if not rows:
        return [], []
    header = [h.strip() for h in rows[0]]
    return header, rows[1:]


def epoch_of(cell):
    # SIPp writes "YYYY-MM-DD\tHH:MM:SS.micro\tEPOCH.micro".
    try:
        return float(cell.split("\t")[-1])
    except ValueError:
        return None


def as_int(value):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def duration_s(value):
    # "HH:MM:SS" or "HH:MM:SS:micro".
    parts = (value or "").split(":")
    try:
        seconds = int(parts[0]) * 3600 + int(parts[1]) * 60 + int(parts[2])
        if len(parts) > 3:
            seconds += int(parts[3]) / 1e6
        return seconds
    except (IndexError, ValueError):
        return 0.0


def count_messages(header, row):
    """(sent, sent_retrans, received, received_retrans) of one counts row."""
    sent = sent_retr = recv = recv_retr = 0
    direction = {}
    for name in header:
        idx_name, _, what = name.rpartition("_")
        if what in ("Sent", "Recv"):
            direction[idx_name] = what
    for name, value in zip(header, row):
        idx_name, _, what = name.rpartition("_")
        d = direction.get(idx_name)
        n = as_int(value)
        if what == "Sent":
            sent += n
        elif what == "Recv":
            recv += n
        elif what == "Retrans" and d == "Sent":
            sent_retr += n
        elif what == "Retrans" and d == "Recv":
            recv_retr += n
    return sent, sent_retr, recv, recv_retr


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = max(0, math.ceil(p / 100.0 * len(sorted_values)) - 1)
    return sorted_values[k]


def peer_delta(path, t0, t1):
    """Messages and retransmissions the peer SIPp (the UAS) counted between
    t0 and t1, from its cumulative counts file."""
    if not path or not os.path.exists(path):
        return None
    header, rows = read_rows(path)
    before = after = None
    for r in rows:
        t = epoch_of(r[0])
        if t is None:
            continue
        if t <= t0:
            before = r
        if t <= t1:
            after = r
    if after is None:
        return None
    a = count_messages(header, after)
    b = count_messages(header, before) if before is not None else (0, 0, 0, 0)
    return tuple(x - y for x, y in zip(a, b))


def cmd_step(args):
    stat_path = os.path.join(args.dir, "stat.csv")
    result = {"kind": args.kind, "rate": args.rate, "dir": args.dir}
    if not os.path.exists(stat_path):
        result["error"] = "no stat.csv (sipp did not run?)"
        ok = failed = created = 0
        wall = 0.0
    else:
        header, rows = read_rows(stat_path)
        last = dict(zip(header, rows[-1])) if rows else {}
        ok = as_int(last.get("SuccessfulCall(C)"))
        failed = as_int(last.get("FailedCall(C)"))
        created = as_int(last.get("TotalCallCreated"))
        start = epoch_of(last.get("StartTime", ""))
        now = epoch_of(last.get("CurrentTime", ""))
        wall = (now - start) if (start and now) else 0.0
        call_len = duration_s(last.get("CallLength(C)"))
        # Calls were created during about wall - (mean call length) seconds.
        gen = max(wall - call_len, 0.001)
        result["achieved"] = round(created / gen, 1) if created else 0.0
        result["timeouts"] = as_int(last.get("FailedTimeoutOnRecv(C)"))
        result["unexpected"] = as_int(last.get("FailedUnexpectedMessage(C)"))
        result["max_udp_retrans"] = as_int(last.get("FailedMaxUDPRetrans(C)"))
    result.update({"created": created, "ok": ok, "failed": failed,
                   "wall_s": round(wall, 2)})

    # Messages and retransmissions seen by the load generator.
    sent = sent_retr = recv = recv_retr = 0
    for path in glob.glob(os.path.join(args.dir, "*_counts.csv")):
        header, rows = read_rows(path)
        if rows:
            s = count_messages(header, rows[-1])
            sent += s[0]; sent_retr += s[1]; recv += s[2]; recv_retr += s[3]
    result.update({"sent": sent, "sent_retrans": sent_retr,
                   "recv": recv, "recv_retrans": recv_retr})
    msgs = sent + recv
    retr = sent_retr + recv_retr
    peer = peer_delta(args.peer_counts, args.t0, args.t1) if args.peer_counts else None
    if peer is not None:
        result.update({"peer_sent": peer[0], "peer_sent_retrans": peer[1],
                       "peer_recv": peer[2], "peer_recv_retrans": peer[3]})
        msgs += peer[0] + peer[2]
        retr += peer[1] + peer[3]
    result["retrans_pct"] = round(100.0 * retr / msgs, 3) if msgs else 0.0

    # Response times of the RTD (whole ms: SIPp's clock has 1 ms steps).
    times = []
    for path in glob.glob(os.path.join(args.dir, "*_rtt.csv")):
        header, rows = read_rows(path)
        for r in rows:
            if len(r) >= 3 and r[2].strip() == args.rtd:
                try:
                    times.append(float(r[1]))
                except ValueError:
                    pass
    times.sort()
    result["rtd"] = args.rtd
    result["rtd_n"] = len(times)
    result["p50_ms"] = percentile(times, 50)
    result["p99_ms"] = percentile(times, 99)
    result["max_ms"] = times[-1] if times else None

    # Server CPU and memory.
    cpu_ms = (args.cpu_after - args.cpu_before) * 1000.0 / args.clk_tck
    result["cpu_ms"] = round(cpu_ms, 1)
    result["cpu_ms_per_op"] = round(cpu_ms / ok, 4) if ok else None
    result["rss_kb"] = args.rss_kb

    with open(args.results, "a") as f:
        f.write(json.dumps(result) + "\n")
    print(step_line(result), flush=True)


def cmd_memory(args):
    ok = failed = 0
    stat_path = os.path.join(args.dir, "stat.csv")
    if os.path.exists(stat_path):
        header, rows = read_rows(stat_path)
        if rows:
            last = dict(zip(header, rows[-1]))
            ok = as_int(last.get("SuccessfulCall(C)"))
            failed = as_int(last.get("FailedCall(C)"))
    m = {"requested": args.requested, "ok": ok, "failed": failed,
         "rss_before_kb": args.rss_before, "rss_after_kb": args.rss_after}
    with open(args.out, "w") as f:
        json.dump(m, f)
    print("  bindings: {} ok, {} failed; RSS {:.1f} -> {:.1f} MB".format(
        ok, failed, args.rss_before / 1024.0, args.rss_after / 1024.0), flush=True)


def cmd_accounts(args):
    """Writes accounts.json (HA1 only, as the server keeps them) with the demo accounts and the
    memory step's bench users, and the SIPp injection file for registering those users."""
    import hashlib
    realm = "omstilling"

    def account(user, password):
        ha1 = "{}:{}:{}".format(user, realm, password).encode()
        return {"Username": user, "Realm": realm,
                "Ha1Md5": hashlib.md5(ha1).hexdigest(), "Ha1Sha256": hashlib.sha256(ha1).hexdigest()}

    demo = [str(e) for e in list(range(100, 104)) + list(range(2000, 2100))]
    bench = [str(300000 + i) for i in range(args.bench_users)]
    accounts = [account(u, "demo" + u) for u in demo] + [account(u, "bench" + u) for u in bench]
    with open(args.accounts, "w") as f:
        json.dump(accounts, f)
    with open(args.csv, "w") as f:
        f.write("SEQUENTIAL\n")
        for u in bench:
            f.write("{};{}\n".format(u, "bench" + u))
    print("  {} accounts written ({} for the memory step)".format(len(accounts), len(bench)), flush=True)


def fmt(v, spec="{}"):
    return "-" if v is None else spec.format(v)


def step_line(r):
    return ("  {kind:8} {rate:>6}/s  ok {ok:>7}  failed {failed:>5}  achieved {ach:>8}/s  "
            "retrans {rp:>7}%  {rtd} p50 {p50:>4} ms  p99 {p99:>5} ms  CPU {cpu} ms/op  RSS {rss} MB").format(
        kind=r["kind"], rate=r["rate"], ok=r["ok"], failed=r["failed"],
        ach=fmt(r.get("achieved"), "{:.0f}"), rp=fmt(r.get("retrans_pct"), "{:.3f}"),
        rtd=r.get("rtd", ""), p50=fmt(r.get("p50_ms"), "{:.0f}"),
        p99=fmt(r.get("p99_ms"), "{:.0f}"), cpu=fmt(r.get("cpu_ms_per_op"), "{:.3f}"),
        rss=fmt(r.get("rss_kb") and r["rss_kb"] / 1024.0, "{:.0f}"))


def clean(r, max_retr):
    return (r["ok"] > 0 and r["failed"] == 0
            and r.get("retrans_pct", 100.0) <= max_retr
            and r.get("achieved", 0) >= 0.95 * r["rate"])


def cmd_summary(args):
    results = []
    if os.path.exists(args.results):
        with open(args.results) as f:
            results = [json.loads(line) for line in f if line.strip()]
    titles = {"cold": ("Cold start: calls from the moment the server first answers", "INVITE->180", "CPU ms/call"),
              "calls": ("Calls (INVITE, 407 dance, 180, 200, ACK, 100 ms, BYE)", "INVITE->180", "CPU ms/call"),
              "calls-tls": ("Calls, the caller over TLS (SIPp -t t1 through stunnel: one TLS connection; the callee on UDP)", "INVITE->180", "CPU ms/call"),
              "register": ("REGISTER with digest (401 then 200)", "REG->200", "CPU ms/reg")}
    for kind in ("cold", "calls", "calls-tls", "register"):
        rows = [r for r in results if r["kind"] == kind]
        if not rows:
            continue
        title, rtd_title, cpu_title = titles[kind]
        print()
        print(title)
        head = "{:>7} {:>9} {:>8} {:>7} {:>9} {:>8} {:>8} {:>8} {:>12} {:>8}".format(
            "rate/s", "achieved", "ok", "failed", "retrans%", "p50 ms", "p99 ms", "max ms", cpu_title, "RSS MB")
        print("  " + rtd_title + " response times; retrans% = retransmitted / all SIP messages of the SIPp ends")
        print(head)
        print("-" * len(head))
        for r in rows:
            print("{:>7} {:>9} {:>8} {:>7} {:>9} {:>8} {:>8} {:>8} {:>12} {:>8}".format(
                r["rate"], fmt(r.get("achieved"), "{:.0f}"), r["ok"], r["failed"],
                fmt(r.get("retrans_pct"), "{:.3f}"), fmt(r.get("p50_ms"), "{:.0f}"),
                fmt(r.get("p99_ms"), "{:.0f}"), fmt(r.get("max_ms"), "{:.0f}"),
                fmt(r.get("cpu_ms_per_op"), "{:.3f}"),
                fmt(r.get("rss_kb") and r["rss_kb"] / 1024.0, "{:.0f}")))
        if kind == "cold":
            for r in rows:
                pct = 100.0 * r["failed"] / max(r["created"], 1)
                print("  cold start at {}/s: {:.2f} % of {} calls failed (target <= {} %): {}".format(
                    r["rate"], pct, r["created"], args.cold_target_pct,
                    "met" if r["created"] > 0 and pct <= args.cold_target_pct else "NOT met"))
            continue
        good = [r["rate"] for r in rows if clean(r, args.max_retrans_pct)]
        best = max(good) if good else None
        print("  highest clean rate (0 failed, retrans <= {}%, >= 95% of the rate reached): {}".format(
            args.max_retrans_pct, "{}/s".format(best) if best else "none"))
    if args.memory and os.path.exists(args.memory):
        with open(args.memory) as f:
            m = json.load(f)
        print()
        print("Memory per registration binding")
        ok = m.get("ok", 0)
        delta_kb = m["rss_after_kb"] - m["rss_before_kb"]
        print("  bindings registered: {} of {} ({} failed)".format(ok, m.get("requested"), m.get("failed")))
        print("  server RSS before {:.1f} MB, after {:.1f} MB, growth {:.1f} MB".format(
            m["rss_before_kb"] / 1024.0, m["rss_after_kb"] / 1024.0, delta_kb / 1024.0))
        if ok:
            per = delta_kb * 1024.0 / ok
            print("  = {:.0f} bytes per binding, {:.1f} MB per 100,000 bindings".format(
                per, per * 100000 / 1048576.0))
        print("  (RSS of a .NET process also moves with GC heap sizing: an estimate, not an exact count)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("step")
    s.add_argument("--dir", required=True)
    s.add_argument("--kind", required=True)
    s.add_argument("--rate", type=int, required=True)
    s.add_argument("--rtd", required=True)
    s.add_argument("--cpu-before", type=int, required=True)
    s.add_argument("--cpu-after", type=int, required=True)
    s.add_argument("--clk-tck", type=int, default=100)
    s.add_argument("--rss-kb", type=int, default=0)
    s.add_argument("--results", required=True)
    s.add_argument("--peer-counts")
    s.add_argument("--t0", type=float, default=0.0)
    s.add_argument("--t1", type=float, default=0.0)
    mm = sub.add_parser("memory")
    mm.add_argument("--dir", required=True)
    mm.add_argument("--requested", type=int, required=True)
    mm.add_argument("--rss-before", type=int, required=True)
    mm.add_argument("--rss-after", type=int, required=True)
    mm.add_argument("--out", required=True)
    a = sub.add_parser("accounts")
    a.add_argument("--bench-users", type=int, required=True)
    a.add_argument("--accounts", required=True)
    a.add_argument("--csv", required=True)
    m = sub.add_parser("summary")
    m.add_argument("--results", required=True)
    m.add_argument("--memory")
    m.add_argument("--max-retrans-pct", type=float, default=0.1)
    m.add_argument("--cold-target-pct", type=float, default=0.1)
    args = p.parse_args()
    if args.cmd == "step":
        cmd_step(args)
    elif args.cmd == "memory":
        cmd_memory(args)
    elif args.cmd == "accounts":
        cmd_accounts(args)
    else:
        cmd_summary(args)


if __name__ == "__main__":
    sys.exit(main())
