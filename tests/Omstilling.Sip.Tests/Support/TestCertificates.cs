using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Omstilling.Sip.Tests.Support;

/// <summary>
/// A throwaway CA and certificates it signs, written as PEM files into a folder of their own that
/// is deleted with the instance: what a test server is given as <c>--tls-cert</c>/<c>--tls-key</c>
/// and what its peers trust. ECDSA P-256, valid from an hour ago for a day. Also linked into the
/// host's tests.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly ECDsa _caKey;

    public TestCertificates(string caName = "Omstilling Test CA")
    {
        Folder = Path.Combine(Path.GetTempPath(), "omstilling-tls-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Folder);
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={caName}", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        CaFile = Path.Combine(Folder, "ca.pem");
        File.WriteAllText(CaFile, Ca.ExportCertificatePem());
    }

    public string Folder { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>The CA's certificate as PEM: what peers trust.</summary>
    public string CaFile { get; }

    /// <summary>
    /// Issues a certificate for 127.0.0.1, ::1, localhost and <paramref name="name"/>, written as
    /// <c>{file}.pem</c> and <c>{file}.key</c> (overwriting them: a renewal); returns the certificate.
    /// </summary>
    public (X509Certificate2 Certificate, string CertificateFile, string KeyFile) Issue(string name, string file = "server")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Ca, true, false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        using var issued = request.Create(Ca, DateTimeOffset.UtcNow.AddMinutes(-59), DateTimeOffset.UtcNow.AddHours(23), serial);
        var certificateFile = Path.Combine(Folder, file + ".pem");
        var keyFile = Path.Combine(Folder, file + ".key");
        File.WriteAllText(certificateFile, issued.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (X509Certificate2.CreateFromPem(issued.ExportCertificatePem()), certificateFile, keyFile);
    }

    public void Dispose()
    {
        _caKey.Dispose();
        Ca.Dispose();
        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temporary folder is cleaned by the system.
        }
    }
}
