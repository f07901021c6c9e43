using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Omstilling.Host.Cli;
using Omstilling.Runtime;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Host.Server;

/// <summary>
/// TLS for <c>omstilling run</c> (docs/security.md, "TLS"): with <c>--tls-cert</c> and
/// <c>--tls-key</c>, SIP over TLS on <c>--tls-port</c> at every bind address, HTTPS with HSTS on the
/// web port, and the TLS trunk's client settings; one <see cref="CertificateFiles"/> for all of it,
/// followed while the server runs. Without them every method does nothing. Made and loaded by the
/// composition; the HTTPS callback reads the certificate on Kestrel's threads.
/// </summary>
internal sealed class TlsWiring(RunOptions options) : IDisposable
{
    /// <summary>How often the certificate and key files are looked at for a renewal.</summary>
    public static readonly TimeSpan FilePoll = TimeSpan.FromSeconds(10);

    /// <summary>The HSTS header: a year, as browsers' preload lists ask (RFC 6797 §6.1.1).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private CertificateFiles? _certificate;

    public bool Enabled => options.TlsCertificate is not null;

    /// <summary>The certificate in use; throws before <see cref="Load"/>.</summary>
    public LoadedCertificate Current => (_certificate ?? throw new InvalidOperationException("The TLS certificate is not loaded yet.")).Current;

    /// <summary>
    /// Makes a web listener HTTPS with the certificate that <paramref name="tls"/> holds once the
    /// server is composed, TLS 1.2/1.3, taken at each handshake (a renewal needs no restart).
    /// </summary>
    public static void Https(ListenOptions listen, RunOptions options, Func<TlsWiring> tls)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tls);
        if (options.TlsCertificate is null)
        {
            return;
        }

        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = tls().Current.Context,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            }),
        });
    }

    /// <summary>Reads the certificate and starts following its files; a <see cref="ServerStartException"/> saying what is wrong when it cannot.</summary>
    public void Load(TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        if (!Enabled)
        {
            return;
        }

        if (!CertificateFiles.TryLoad(options.TlsCertificate!, options.TlsKey!, loggers.CreateLogger<CertificateFiles>(), out _certificate, out var problem))
        {
            throw new ServerStartException(problem);
        }

        _certificate!.Watch(time, FilePoll);
    }

    /// <summary>
    /// Adds a <see cref="TlsTransport"/> on <c>--tls-port</c> for every bind address; a
    /// <see cref="ServerStartException"/> when the port is taken or the trunk's CA cannot be read.
    /// </summary>
    public void AddTransports(SipStack stack, TimeProvider time, FaultMonitor faults, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(loggers);
        if (_certificate is null)
        {
            return;
        }

        var client = ClientOptions();
        try
        {
            foreach (var address in options.Bind)
            {
                stack.AddTransport(new TlsTransport(new IPEndPoint(address, options.TlsPort), _certificate, client, stack.Options.Limits, faults, loggers.CreateLogger<TlsTransport>(), time));
            }
        }
        catch (SocketException e)
        {
            throw new ServerStartException($"cannot listen on TLS port {options.TlsPort}: {e.Message}", e);
        }
    }

    /// <summary>Sends HSTS on every HTTPS answer, so a browser that once came over HTTPS never again asks over HTTP.</summary>
    public void UseHsts(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!Enabled)
        {
            return;
        }

        app.Use((context, next) =>
        {
            if (context.Request.IsHttps)
            {
                context.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            return next(context);
        });
    }

    public void Dispose() => _certificate?.Dispose();

    private TlsClientOptions ClientOptions()
    {
        if (options.TrunkTransport != SipTransportKind.Tls || options.Trunk is not { } trunk)
        {
            return TlsClientOptions.Default;
        }

        var names = new Dictionary<IPEndPoint, string>();
        if (options.TrunkDomain is { } domain)
        {
            names[trunk] = domain;
        }

        var client = new TlsClientOptions { Names = names };
        if (options.TrunkCaFile is not { } caFile)
        {
            return client;
        }

        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            return roots.Count > 0
                ? client with { TrustedRoots = roots }
                : throw new ServerStartException($"the trunk's CA file {caFile} holds no certificate");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ServerStartException($"the trunk's CA file {caFile} cannot be read: {e.Message}", e);
        }
    }
}
