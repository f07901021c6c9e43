using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Omstilling.Media.Clock;

/// <summary>
/// Sleeps until an absolute Stopwatch time with sub-millisecond precision. On Linux this is
/// clock_nanosleep on CLOCK_MONOTONIC with TIMER_ABSTIME (Stopwatch counts the same clock in
/// nanoseconds), so the media clock needs neither millisecond-rounded Thread.Sleep nor a spinning
/// core. Elsewhere it falls back to Thread.Sleep plus a short spin.
/// </summary>
internal static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsTime = 1;
    private static readonly bool UseNanosleep = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    public static void Until(long stopwatchTimestamp)
    {
        if (UseNanosleep)
        {
            var when = new Timespec { Seconds = stopwatchTimestamp / 1_000_000_000, Nanoseconds = stopwatchTimestamp % 1_000_000_000 };
            while (ClockNanosleep(ClockMonotonic, TimerAbsTime, ref when, IntPtr.Zero) == 4 /* EINTR */)
            {
                // Interrupted by a signal: sleep on to the same absolute time.
            }

            return;
        }

        while (true)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), stopwatchTimestamp);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            if (left > TimeSpan.FromMilliseconds(1.5))
            {
                Thread.Sleep(left - TimeSpan.FromMilliseconds(1.5));
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // A blittable struct by ref: the classic import needs no unsafe code.
    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    private static extern int ClockNanosleep(int clock, int flags, ref Timespec request, IntPtr remain);
#pragma warning restore SYSLIB1054
}
