using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Omstilling.Sip.Transport;

/// <summary>One certificate with its private key, and its chain as handshakes send it. Immutable.</summary>
public sealed record LoadedCertificate(X509Certificate2 Certificate, SslStreamCertificateContext Context);
