using System.Net;
using System.Net.Sockets;

namespace Omstilling.Sip.Transport;

/// <summary>
/// What makes a stream transport's connected socket into the stream messages are framed on: the
/// socket itself (TCP) or TLS over it. Implementations are thread-safe.
/// </summary>
internal interface IStreamOpener
{
    /// <summary>The stream of a connection a peer opened; throws when it cannot be made (a failed handshake).</summary>
    ValueTask<Stream> AcceptAsync(Socket socket, IPEndPoint remote, CancellationToken cancellationToken);

    /// <summary>The stream of a connection we opened to <paramref name="remote"/>.</summary>
    ValueTask<Stream> ConnectAsync(Socket socket, IPEndPoint remote, CancellationToken cancellationToken);
}
