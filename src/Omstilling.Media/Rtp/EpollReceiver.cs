using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Omstilling.Runtime;

namespace Omstilling.Media.Rtp;

/// <summary>
/// Receives on every RTP and RTCP socket of the process with one Linux epoll set, for input only,
/// and a few real-time threads that wait on it together. The runtime's own socket engine would
/// also be woken for write readiness after every packet we send (thousands a second per core),
/// and hand each received packet to the thread pool; this does neither. Each socket is armed
/// one-shot: the thread that takes its event reads one packet and re-arms it, so one socket is
/// never read by two threads at once (a stream's packets stay in order) while the other threads
/// serve the other sockets. Relayed media leaves from these threads, so when one core stalls
/// (pre-empted by the hypervisor for several milliseconds, as this platform's VMs are) the other
/// threads keep the calls' media flowing. Thread-safe registration. Linux only:
/// <see cref="TryCreate"/> returns null elsewhere and streams fall back to async receives.
/// </summary>
public sealed partial class EpollReceiver : IDisposable
{
    private const int EpollIn = 0x001;
    private const int EpollOneShot = 1 << 30;
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const int EpollCtlMod = 3;

    /// <summary>
    /// Events one thread takes per wait. Taken events are disarmed until their thread has read
    /// them, so a thread that stalls holds back every socket of its batch. One costs a wait per
    /// packet, which did not show (500 bridged calls: 0.37-0.40 server CPU-ms per stream-second
    /// with one event per wait, 0.32-0.42 with 32).
    /// </summary>
    private const int EventsPerWait = 1;

    private readonly int _epoll;
    private readonly ConcurrentDictionary<ulong, Registration> _registrations = new();
    private readonly ILogger _logger;
    private readonly FaultBoundary _faults;
    private long _nextId;
    private int _running;
    private volatile bool _stopping;

    private EpollReceiver(int epoll, int threads, ILogger logger, FaultBoundary faults)
    {
        _epoll = epoll;
        _logger = logger;
        _faults = faults;
        _running = threads;
        for (var i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = $"RTP receive {i + 1}" }.Start();
        }
    }

    /// <summary>Something with a socket to read when it is readable.</summary>
    internal interface IReadable
    {
        void OnReadable();
    }

    /// <summary>A receiver with <paramref name="threads"/> threads (at least one), or null where epoll is not available.</summary>
    /// <param name="faults">Where a failing read is contained: that packet is dropped, the socket re-armed, the thread goes on.</param>
    public static EpollReceiver? TryCreate(ILogger logger, FaultBoundary faults, int threads)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var fd = EpollCreate1(0);
            return fd < 0 ? null : new EpollReceiver(fd, Math.Max(1, threads), logger, faults);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Starts delivering readiness of <paramref name="socket"/>; returns the id to unregister with.</summary>
    internal ulong Register(Socket socket, IReadable handler)
    {
        socket.Blocking = false;
        var id = (ulong)Interlocked.Increment(ref _nextId);
        var registration = new Registration((int)socket.Handle, handler);
        _registrations[id] = registration;
        var ev = new EpollEvent { Events = EpollIn | EpollOneShot, Data = id };
        if (EpollCtl(_epoll, EpollCtlAdd, registration.Fd, ref ev) != 0)
        {
            _registrations.TryRemove(id, out _);
            throw new InvalidOperationException($"epoll_ctl add failed: {Marshal.GetLastPInvokeError()}");
        }

        return id;
    }

    /// <summary>Stops delivering; call before the socket is closed. A read already under way finishes (or fails on the closed socket).</summary>
    internal void Unregister(ulong id)
    {
        if (!_registrations.TryRemove(id, out var registration))
        {
            return;
        }

        lock (registration.Gate)
        {
            // Under the lock no thread is re-arming the fd, and none will: after the socket closes
            // the fd number may be reused by a new socket, which must never get this id.
            registration.Removed = true;
            var ev = default(EpollEvent);

            // Failure means the fd is no longer registered, which is what we want.
            _ = EpollCtl(_epoll, EpollCtlDel, registration.Fd, ref ev);
        }
    }

    /// <summary>Stops the threads; they leave within one wait (200 ms) and the last closes the epoll set. Not waited for.</summary>
    public void Dispose() => _stopping = true;

    private void Run()
    {
        // Relayed media leaves from these threads, so they are real-time too: just below the clock's
        // lanes (40), which only ever try a lock these threads may hold (docs/media.md).
        Clock.RealTimePriority.TryRaiseCurrentThread(39);
        var events = new EpollEvent[EventsPerWait];
        try
        {
            Loop(events);
        }
        finally
        {
            if (Interlocked.Decrement(ref _running) == 0)
            {
                _ = Close(_epoll); // nothing to do about a failed close at shutdown
            }
        }
    }

    private void Loop(EpollEvent[] events)
    {
        while (!_stopping)
        {
            var n = EpollWait(_epoll, events, events.Length, 200);
            for (var i = 0; i < n; i++)
            {
                var id = events[i].Data;
                if (!_registrations.TryGetValue(id, out var registration))
                {
                    continue;
                }

                try
                {
                    registration.Handler.OnReadable();
                }
#pragma warning disable CA1031 // One bad stream must not stop media for every call.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _faults.Contain(e, registration.Handler, "a media packet");
                }

                Rearm(id, registration);
            }
        }
    }

    private void Rearm(ulong id, Registration registration)
    {
        lock (registration.Gate)
        {
            if (registration.Removed)
            {
                return;
            }

            var ev = new EpollEvent { Events = EpollIn | EpollOneShot, Data = id };
            if (EpollCtl(_epoll, EpollCtlMod, registration.Fd, ref ev) != 0)
            {
                LogRearmFailed(Marshal.GetLastPInvokeError());
            }
        }
    }

    /// <summary>A socket's fd and handler; locked while it is re-armed or removed.</summary>
    private sealed class Registration(int fd, IReadable handler)
    {
        public int Fd { get; } = fd;

        public IReadable Handler { get; } = handler;

        public Lock Gate { get; } = new();

        public bool Removed { get; set; }
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct EpollEvent
    {
        public int Events;
        public ulong Data;
    }

#pragma warning disable SYSLIB1054 // Blittable arguments: the classic import needs no unsafe code.
    [DllImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static extern int EpollCreate1(int flags);

    [DllImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static extern int EpollCtl(int epoll, int op, int fd, ref EpollEvent ev);

    [DllImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static extern int EpollWait(int epoll, [Out] EpollEvent[] events, int max, int timeoutMs);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
#pragma warning restore SYSLIB1054

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Re-arming a media socket failed (errno {Error}); its stream receives nothing more")]
    private partial void LogRearmFailed(int error);
}
