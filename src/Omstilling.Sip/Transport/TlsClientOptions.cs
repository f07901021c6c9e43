using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Omstilling.Sip.Transport;

/// <summary>
/// How we check the certificate of a peer we open a TLS connection to (the trunk). Immutable.
/// </summary>
public sealed record TlsClientOptions
{
    public static TlsClientOptions Default { get; } = new();

    /// <summary>
    /// CA certificates trusted instead of the system's (<c>--trunk-ca</c>): a private CA, or the
    /// tests' own. Null: the system's trust store.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>
    /// The name expected in the certificate of the peer at an address (the trunk's domain). A peer
    /// not listed must hold a certificate for its IP address.
    /// </summary>
    public IReadOnlyDictionary<IPEndPoint, string> Names { get; init; } = new Dictionary<IPEndPoint, string>();

    /// <summary>The name a peer's certificate must carry (and SNI asks for).</summary>
    public string NameFor(IPEndPoint remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        return Names.TryGetValue(remote, out var name) ? name : remote.Address.ToString();
    }
}
