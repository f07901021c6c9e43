#!/usr/bin/env python3
"""What held the cores while a packet was late: reads a kernel trace written by `TRACE=1 load.sh`
(scheduler and softirq events stamped with CLOCK_TAI: the wall clock plus the kernel's TAI
offset, which is added to the meter's wall-clock times here)
and, for the span before each late packet the meter printed, shows per core:
- how long a thread was on the core without any event for over 0.2 ms at a stretch. The media
  threads of the server and the load client make a system call every few microseconds, so such
  stretches are time the host held the virtual CPU. Every core at once: the machine stopped;
  many short ones: it slowed down;
- the threads that ran longest, with their kernel priority (lower runs first; real-time priority
  p is 99 - p, ordinary threads are 120).

usage: trace-explain.py TRACE REPORT   (REPORT: the media-load output, e.g. bridged.txt)
       trace-explain.py TRACE AT MS    (AT: seconds since 1970; MS: how far back to look)
"""
import re
import sys
import time

# Trace stamps are CLOCK_TAI; the meter prints wall-clock (CLOCK_REALTIME) times.
TAI_OFFSET = round(time.clock_gettime(time.CLOCK_TAI) - time.time())

EVENT = re.compile(r'^\s*(.+?)-(\d+)\s+\[(\d+)\] \S+ (\d+\.\d+): (\w+): ?(.*)$')
SWITCH = re.compile(r'prev_comm=(.*?) prev_pid=(\d+) prev_prio=(\d+) prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+) next_prio=(\d+)')
LATE = re.compile(r'the worst \(([\d.]+) ms\) arrived .*?\(at ([\d.]+)\)')


def explain(path, at, back_ms):
    at += TAI_OFFSET
    start = at - back_ms / 1000.0 - 0.002
    last_event = {}
    held_longest = {}
    current = {}
    running = {}
    ran = {}
    held = {}
    with open(path, errors='replace') as trace:
        for line in trace:
            m = EVENT.match(line)
            if not m:
                continue
            t, cpu = float(m[4]), int(m[3])
            if t > at:
                break
            if t >= start and cpu in last_event:
                # An idle core makes no events (no ticks); one with a thread on it that made none
                # for a while was not running that thread.
                silence = t - last_event[cpu]
                busy = current.get(cpu, 0) != 0
                if busy and silence > 0.0002:
                    held[cpu] = held.get(cpu, 0.0) + silence
                    held_longest[cpu] = max(held_longest.get(cpu, (0.0, 0.0)), (silence, last_event[cpu]))
            last_event[cpu] = t
            current[cpu] = int(m[2])  # the task an event is logged in is the one on the core
            if m[5] != 'sched_switch':
                continue
            s = SWITCH.search(m[6])
            if not s:
                continue
            if cpu in running and t >= start:
                since, who = running[cpu]
                ran.setdefault(cpu, {}).setdefault(who, 0.0)
                ran[cpu][who] += t - max(since, start)
            running[cpu] = (t, f"{s[5]} [{s[6]}] prio {s[7]}")
            current[cpu] = int(s[6])
    for cpu, (since, who) in running.items():
        ran.setdefault(cpu, {}).setdefault(who, 0.0)
        ran[cpu][who] += at - max(since, start)
    print(f"  {back_ms:.1f} ms before {at:.6f}:")
    if not ran:
        print("    (the trace has no events in this span)")
        return
    for cpu in sorted(ran):
        top = sorted(ran[cpu].items(), key=lambda kv: -kv[1])[:4]
        gap, after = held_longest.get(cpu, (0.0, start))
        print(f"    core {cpu}: a thread on it without events for {held.get(cpu, 0.0) * 1000:.1f} ms "
              f"(longest {gap * 1000:.2f} ms from {after:.6f}); ran " +
              ", ".join(f"{who} {sec * 1000:.1f} ms" for who, sec in top))
    longest = [held_longest.get(cpu, (0.0, start)) for cpu in sorted(ran)]
    overlap = min(a + g for g, a in longest) - max(a for _, a in longest) if longest else 0
    if overlap > 0.002:
        print(f"    -> every core stopped at once for {overlap * 1000:.2f} ms: the machine was not running")
    elif sum(held.values()) > back_ms / 1000.0 / 2:
        print(f"    -> the host held the cores for {sum(held.values()) * 1000:.1f} ms in short stretches: the machine slowed down")
    else:
        print("    -> the cores were running: see who ran")


def main():
    if len(sys.argv) == 4:
        explain(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]))
        return
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[2]) as report:
        for m in LATE.finditer(report.read()):
            explain(sys.argv[1], float(m[2]), float(m[1]))


main()
