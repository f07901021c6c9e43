using System.Runtime.InteropServices;

namespace Omstilling.Host.Demo;

/// <summary>
/// Asks Linux to schedule the calling thread SCHED_IDLE: it runs only when no other thread of
/// any process wants the core, so slow background work (hashing the demo's passwords) never
/// delays calls, media or anything else on the machine. Lowering needs no privilege. Elsewhere,
/// or if refused, the thread keeps normal scheduling.
/// </summary>
internal static class IdlePriority
{
    private const int SchedIdle = 5;

    /// <summary>True when the calling thread now runs SCHED_IDLE.</summary>
    public static bool TryLowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var param = new SchedParam { Priority = 0 };
        try
        {
            return SchedSetScheduler(0, SchedIdle, ref param) == 0;
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
