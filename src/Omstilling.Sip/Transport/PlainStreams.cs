using System.Net;
using System.Net.Sockets;

namespace Omstilling.Sip.Transport;

/// <summary>TCP: the socket's own stream. Stateless and thread-safe.</summary>
internal sealed class PlainStreams : IStreamOpener
{
    public ValueTask<Stream> AcceptAsync(Socket socket, IPEndPoint remote, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));

    public ValueTask<Stream> ConnectAsync(Socket socket, IPEndPoint remote, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));
}
