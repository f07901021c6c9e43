using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Omstilling.Benchmarks.MediaLoad;

/// <summary>
/// Reads datagrams with the kernel's receive timestamp (SO_TIMESTAMPNS): the moment the packet was
/// queued to the socket, which on loopback is the moment it was sent. The measurement then does not
/// depend on when this process gets to run, as a capture with tcpdump would not either.
/// </summary>
internal static unsafe class KernelTimestamps
{
    private const int SolSocket = 1;
    private const int SoTimestampNs = 35;

    public static bool Enable(Socket socket)
    {
        var on = 1;
        return SetSockOpt((int)socket.Handle, SolSocket, SoTimestampNs, &on, sizeof(int)) == 0;
    }

    /// <summary>Blocks for one datagram; returns its length and the kernel timestamp in nanoseconds (-1 on error).</summary>
    public static int Receive(Socket socket, byte[] buffer, out long timestampNs)
    {
        var control = stackalloc byte[64];
        fixed (byte* data = buffer)
        {
            var iov = new IoVec { Base = data, Length = (nuint)buffer.Length };
            var header = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = 64 };
            var n = (int)RecvMsg((int)socket.Handle, &header, 0);
            timestampNs = 0;
            if (n < 0)
            {
                return -1;
            }

            // struct cmsghdr { size_t len; int level; int type; } followed by struct timespec.
            if (header.ControlLength >= 32 && *(int*)(control + 8) == SolSocket && *(int*)(control + 12) == SoTimestampNs)
            {
                var seconds = *(long*)(control + 16);
                var nanoseconds = *(long*)(control + 24);
                timestampNs = (seconds * 1_000_000_000) + nanoseconds;
            }

            return n;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

#pragma warning disable SYSLIB1054 // Pointers only: the classic import is as cheap.
    [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static extern int SetSockOpt(int fd, int level, int name, void* value, int length);

    [DllImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static extern nint RecvMsg(int fd, MsgHdr* message, int flags);
#pragma warning restore SYSLIB1054
}
