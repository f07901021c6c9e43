using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Omstilling.Media.Rtp;

/// <summary>
/// Receives on every RTP and RTCP socket of the process with one thread and one Linux epoll set,
/// level-triggered and for input only. The runtime's own socket engine would also be woken for
/// write readiness after every packet we send (thousands a second per core), and hand each
/// received packet to the thread pool; this does neither. Streams read one packet per readiness
/// event, on this thread. Thread-safe registration. Linux only: <see cref="TryCreate"/> returns
/// null elsewhere and streams fall back to async receives.
/// </summary>
public sealed partial class EpollReceiver : IDisposable
{
    private const int EpollIn = 0x001;
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;

    private readonly int _epoll;
    private readonly ConcurrentDictionary<ulong, IReadable> _handlers = new();
    private readonly Thread _thread;
    private readonly ILogger _logger;
    private long _nextId;
    private volatile bool _stopping;

    private EpollReceiver(int epoll, ILogger logger)
    {
        _epoll = epoll;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "RTP receive" };
        _thread.Start();
    }

    /// <summary>Something with a socket to read when it is readable.</summary>
    internal interface IReadable
    {
        void OnReadable();
    }

    public static EpollReceiver? TryCreate(ILogger logger)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var fd = EpollCreate1(0);
            return fd < 0 ? null : new EpollReceiver(fd, logger);
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
        _handlers[id] = handler;
        var ev = new EpollEvent { Events = EpollIn, Data = id };
        if (EpollCtl(_epoll, EpollCtlAdd, (int)socket.Handle, ref ev) != 0)
        {
            _handlers.TryRemove(id, out _);
            throw new InvalidOperationException($"epoll_ctl add failed: {Marshal.GetLastPInvokeError()}");
        }

        return id;
    }

    /// <summary>Stops delivering; call before the socket is closed. Events already taken for it are ignored.</summary>
    internal void Unregister(Socket socket, ulong id)
    {
        _handlers.TryRemove(id, out _);
        var ev = default(EpollEvent);

        // Failure means the fd is no longer registered, which is what we want; the handler is already gone.
        _ = EpollCtl(_epoll, EpollCtlDel, (int)socket.Handle, ref ev);
    }

    /// <summary>Stops the thread; it leaves within one wait (200 ms) and then closes the epoll set. Not waited for.</summary>
    public void Dispose() => _stopping = true;

    private void Run()
    {
        // Relayed media leaves from this thread: it gets the same real-time scheduling as the clock.
        Clock.RealTimePriority.TryRaiseCurrentThread(39);
        var events = new EpollEvent[256];
        try
        {
            Loop(events);
        }
        finally
        {
            _ = Close(_epoll); // nothing to do about a failed close at shutdown
        }
    }

    private void Loop(EpollEvent[] events)
    {
        while (!_stopping)
        {
            var n = EpollWait(_epoll, events, events.Length, 200);
            for (var i = 0; i < n; i++)
            {
                if (_handlers.TryGetValue(events[i].Data, out var handler))
                {
                    try
                    {
                        handler.OnReadable();
                    }
#pragma warning disable CA1031 // One bad stream must not stop media for every call.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        LogHandlerFailed(e);
                    }
                }
            }
        }
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

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Reading a media socket failed")]
    private partial void LogHandlerFailed(Exception exception);
}
