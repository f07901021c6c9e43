using System.Runtime.InteropServices;

namespace Omstilling.Media.Clock;

/// <summary>
/// Asks Linux to schedule the calling thread SCHED_FIFO, so the media clock is not pre-empted by
/// ordinary threads (SIP parsing, garbage collection helpers, other processes) and packets leave
/// on time. Needs root or CAP_SYS_NICE; without them the thread keeps normal scheduling.
/// </summary>
public static class RealTimePriority
{
    private const int SchedFifo = 1;

    /// <summary>True when the calling thread now runs SCHED_FIFO at <paramref name="priority"/> (1-99).</summary>
    public static bool TryRaiseCurrentThread(int priority = 40)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var param = new SchedParam { Priority = priority };
        try
        {
            return SchedSetScheduler(0, SchedFifo, ref param) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

#pragma warning disable SYSLIB1054 // A blittable struct by ref: the classic import needs no unsafe code.
    [DllImport("libc", EntryPoint = "sched_setscheduler")]
    private static extern int SchedSetScheduler(int pid, int policy, ref SchedParam param);
#pragma warning restore SYSLIB1054
}
