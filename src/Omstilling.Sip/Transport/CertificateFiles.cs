using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace Omstilling.Sip.Transport;

/// <summary>
/// Our TLS certificate, read from a PEM certificate file (the certificate first, intermediates
/// after it, as a "fullchain.pem") and a PEM private key file, and read again when either file
/// changes (<see cref="Watch"/>), so a renewed certificate is taken without a restart. A new pair
/// that cannot be read (half written, a key that does not match) keeps the old certificate and is
/// logged as an error; the next change tries again. SIP over TLS (<see cref="TlsTransport"/>) and
/// HTTPS use the same instance. Thread-safe: <see cref="Current"/> is swapped whole.
/// </summary>
public sealed partial class CertificateFiles : IDisposable
{
    private readonly ILogger _logger;
    private LoadedCertificate _current;
    private (DateTime, long, DateTime, long) _stamp;
    private ITimer? _poll;
    private int _reloads;

    private CertificateFiles(string certificateFile, string keyFile, LoadedCertificate current, ILogger logger)
    {
        CertificateFile = certificateFile;
        KeyFile = keyFile;
        _current = current;
        _logger = logger;
        _stamp = Stamp();
    }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    /// <summary>The certificate in use, with its chain, as TLS handshakes want it.</summary>
    public LoadedCertificate Current => Volatile.Read(ref _current);

    /// <summary>Times the files were read again successfully since start.</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    /// <summary>
    /// Reads the pair; false with what is wrong (file and reason) when it cannot. Nothing is
    /// watched until <see cref="Watch"/>.
    /// </summary>
    public static bool TryLoad(string certificateFile, string keyFile, ILogger logger, out CertificateFiles? files, out string problem)
    {
        ArgumentNullException.ThrowIfNull(certificateFile);
        ArgumentNullException.ThrowIfNull(keyFile);
        ArgumentNullException.ThrowIfNull(logger);
        if (!TryRead(certificateFile, keyFile, out var loaded, out problem))
        {
            files = null;
            return false;
        }

        files = new CertificateFiles(Path.GetFullPath(certificateFile), Path.GetFullPath(keyFile), loaded, logger);
        files.LogLoaded(loaded.Certificate.Subject, loaded.Certificate.NotAfter.ToUniversalTime(), loaded.Certificate.Thumbprint);
        return true;
    }

    /// <summary>
    /// Looks at both files' time and size every <paramref name="interval"/> on <paramref name="time"/>
    /// and reads them again when either changed. A certificate renewal rewrites both within seconds.
    /// </summary>
    public void Watch(TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(time);
        _poll?.Dispose();
        _poll = time.CreateTimer(_ => Poll(), null, interval, interval);
    }

    /// <summary>Reads the files again now; false (and the old certificate kept, the error logged) when they cannot be read.</summary>
    public bool Reload()
    {
        _stamp = Stamp();
        if (!TryRead(CertificateFile, KeyFile, out var loaded, out var problem))
        {
            LogReloadFailed(problem, Current.Certificate.Thumbprint);
            return false;
        }

        var old = Interlocked.Exchange(ref _current, loaded);
        Interlocked.Increment(ref _reloads);
        LogReloaded(loaded.Certificate.Subject, loaded.Certificate.NotAfter.ToUniversalTime(), loaded.Certificate.Thumbprint, old.Certificate.Thumbprint);
        return true;
    }

    public void Dispose() => _poll?.Dispose();

    private void Poll()
    {
        if (Stamp() != _stamp)
        {
            Reload();
        }
    }

    private (DateTime, long, DateTime, long) Stamp()
    {
        var certificate = new FileInfo(CertificateFile);
        var key = new FileInfo(KeyFile);
        return (certificate.Exists ? certificate.LastWriteTimeUtc : default, certificate.Exists ? certificate.Length : -1,
            key.Exists ? key.LastWriteTimeUtc : default, key.Exists ? key.Length : -1);
    }

    private static bool TryRead(string certificateFile, string keyFile, out LoadedCertificate loaded, out string problem)
    {
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(certificateFile);
            var intermediates = new X509Certificate2Collection();
            foreach (var extra in all.Skip(1))
            {
                intermediates.Add(extra);
            }

            // offline: the chain is built from the file alone; nothing is fetched from the network.
            var context = SslStreamCertificateContext.Create(certificate, intermediates, offline: true);
            loaded = new LoadedCertificate(certificate, context);
            problem = "";
            return true;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            loaded = null!;
            problem = $"the certificate {certificateFile} with the key {keyFile} cannot be used: {e.Message}";
            return false;
        }
    }

    [LoggerMessage(EventId = 1131, Level = LogLevel.Information, Message = "TLS certificate {Subject}, valid until {NotAfter:u}, thumbprint {Thumbprint}")]
    private partial void LogLoaded(string subject, DateTime notAfter, string thumbprint);

    [LoggerMessage(EventId = 1132, Level = LogLevel.Information, Message = "TLS certificate renewed: {Subject}, valid until {NotAfter:u}, thumbprint {Thumbprint} (was {Old})")]
    private partial void LogReloaded(string subject, DateTime notAfter, string thumbprint, string old);

    [LoggerMessage(EventId = 1133, Level = LogLevel.Error, Message = "TLS certificate not renewed, {Problem}; the certificate {Thumbprint} stays in use")]
    private partial void LogReloadFailed(string problem, string thumbprint);
}
