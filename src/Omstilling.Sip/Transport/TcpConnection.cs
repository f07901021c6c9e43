using System.Net;
using System.Net.Sockets;
using Omstilling.Runtime;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Parsing;
using Omstilling.Sip.Security;

namespace Omstilling.Sip.Transport;

/// <summary>
/// One TCP connection: a read loop that frames messages by Content-Length, and serialized writes.
/// Each complete message keeps the array it was read into; the unread rest moves to a new array,
/// so no message is parsed twice and none shares memory with the next. What handling a message
/// throws is contained at the transport's boundary: the message is dropped, the connection goes on
/// (or closes when the failure leaves its framing unknown). Thread-safe.
/// </summary>
internal sealed class TcpConnection : IAsyncDisposable
{
    private const int InitialBuffer = 4096;

    private readonly TcpTransport _owner;
    private readonly Socket _socket;
    private readonly SipParserLimits _limits;
    private readonly FaultBoundary _faults;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private int _disposed;

    public TcpConnection(TcpTransport owner, Socket socket, IPEndPoint remote, SipParserLimits limits, FaultBoundary faults)
    {
        _owner = owner;
        _socket = socket;
        Remote = remote;
        _limits = limits;
        _faults = faults;
    }

    public IPEndPoint Remote { get; }

    public bool IsOpen => Volatile.Read(ref _disposed) == 0;

    public void Start(ISipTransportSink sink, CancellationToken cancellationToken) =>
        _faults.Observe(Task.Run(() => ReadLoopAsync(sink, cancellationToken), CancellationToken.None), Remote, "a connection");

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            while (!message.IsEmpty)
            {
                var sent = await _socket.SendAsync(message, SocketFlags.None, cancellationToken);
                message = message[sent..];
            }
        }
        catch (SocketException)
        {
            await DisposeAsync();
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _owner.Forget(this);
        await _closed.CancelAsync();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer.
        }

        _socket.Dispose();
    }

    private async Task ReadLoopAsync(ISipTransportSink sink, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        var source = new SipEndPoint(SipTransportKind.Tcp, Remote);
        var transport = (ISipTransport)_owner;
        var buffer = new byte[InitialBuffer];
        var filled = 0;
        var maxBuffer = _limits.MaxHeaderSectionBytes + _limits.MaxBodyBytes + 8;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= maxBuffer)
                    {
                        Reject(sink, transport, source, buffer, new SipParseException(RejectReason.MessageTooLarge, filled, "Message too large"));
                        return;
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxBuffer));
                }

                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, linked.Token);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                while (filled > 0)
                {
                    ParseStatus status;
                    SipMessage? message;
                    int consumed;
                    try
                    {
                        status = SipParser.TryParseStream(buffer.AsMemory(0, filled), _limits, out message, out consumed);
                    }
                    catch (SipParseException e)
                    {
                        // The framing is lost: answer if possible, then close (RFC 4475 §3.1.2.3).
                        Reject(sink, transport, source, buffer.AsMemory(0, filled), e);
                        return;
                    }

                    if (status == ParseStatus.KeepAlive)
                    {
                        await SendAsync("\r\n"u8.ToArray(), linked.Token); // RFC 5626 §4.4.1 pong
                    }

                    if (consumed == 0)
                    {
                        break;
                    }

                    var rest = new byte[Math.Max(InitialBuffer, filled - consumed)];
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(rest);
                    filled -= consumed;
                    buffer = rest;
                    if (message is not null && !Dispatch(sink, message, source, transport))
                    {
                        return; // A blocked source: the connection is closed.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closed by us.
        }
        catch (SocketException)
        {
            // Reset by the peer.
        }
        catch (ObjectDisposedException)
        {
            // Closed while reading.
        }
#pragma warning disable CA1031 // The boundary: a failure we did not foresee closes this connection, not the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _faults.Contain(e, source, "the connection (closed)");
        }
        finally
        {
            await DisposeAsync();
        }
    }

    /// <summary>Hands a message on; false when its source is blocked and the connection is to be closed.</summary>
    private bool Dispatch(ISipTransportSink sink, SipMessage message, SipEndPoint source, ISipTransport transport)
    {
        try
        {
            switch (sink.Screen(source))
            {
                case SourceVerdict.Admit:
                    sink.OnMessage(new IncomingMessage(message, source, transport) { IsSecure = false });
                    break;
                case SourceVerdict.Refuse:
                    sink.OnRefused(new IncomingMessage(message, source, transport) { IsSecure = false });
                    break;
                case SourceVerdict.Drop:
                    return false;
                default:
                    throw new System.Diagnostics.UnreachableException();
            }
        }
#pragma warning disable CA1031 // One failing message must not close the connection for the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _faults.Contain(e, source, message is SipRequest request ? $"a {request.Method} request" : "a response");
        }

        return true;
    }

    private void Reject(ISipTransportSink sink, ISipTransport transport, SipEndPoint source, ReadOnlyMemory<byte> bytes, SipParseException exception)
    {
        try
        {
            sink.OnMalformed(transport, source, bytes, exception);
        }
#pragma warning disable CA1031 // Answering bad input must not itself fail past the connection.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _faults.Contain(e, source, $"the answer to {bytes.Length} malformed bytes");
        }
    }
}
