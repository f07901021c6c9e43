using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Auth;

namespace Omstilling.Host.Cli;

/// <summary>The options of <c>omstilling run</c>. Immutable.</summary>
internal sealed record RunOptions
{
    public int SipPort { get; init; } = 5060;

    public int WebPort { get; init; } = 8080;

    /// <summary>--tls-port: SIP over TLS, on every bind address, when <see cref="TlsCertificate"/> is given.</summary>
    public int TlsPort { get; init; } = 5061;

    /// <summary>--tls-cert: our PEM certificate (SIP over TLS and HTTPS); null: neither.</summary>
    public string? TlsCertificate { get; init; }

    /// <summary>--tls-key: the PEM private key of <see cref="TlsCertificate"/>.</summary>
    public string? TlsKey { get; init; }

    public IReadOnlyList<IPAddress> Bind { get; init; } = [IPAddress.Any, IPAddress.IPv6Any];

    public string DataDirectory { get; init; } = "data";

    public bool Demo { get; init; }

    /// <summary>Synthetic citizens and operators make a day of calls to this server (needs --demo: the operators' passwords).</summary>
    public bool Simulate { get; init; }

    /// <summary>The telephone policy file (default: the bundled config/guldborgsund.yaml).</summary>
    public string? PolicyFile { get; init; }

    /// <summary>Local time (Europe/Copenhagen) the server's clock starts at, then runs on; null: now.</summary>
    public DateTime? StartAt { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public IReadOnlyList<DigestAlgorithm> DigestAlgorithms { get; init; } = [DigestAlgorithm.Md5];

    /// <summary>The address RTP binds to and SDP announces; null: the first specific --bind address, else the primary interface's.</summary>
    public IPAddress? MediaAddress { get; init; }

    /// <summary>The SIP trunk that external numbers are called through; null without one.</summary>
    public IPEndPoint? Trunk { get; init; }

    /// <summary>--trunk-transport: how the trunk is reached.</summary>
    public Omstilling.Sip.Transport.SipTransportKind TrunkTransport { get; init; } = Omstilling.Sip.Transport.SipTransportKind.Udp;

    /// <summary>--trunk-ca: CA certificates trusted for the TLS trunk instead of the system's; null: the system's.</summary>
    public string? TrunkCaFile { get; init; }

    /// <summary>Our account at the trunk; null when the trunk trusts our address.</summary>
    public string? TrunkUser { get; init; }

    /// <summary>From --trunk-password-file or the environment (OMSTILLING_TRUNK_PASSWORD).</summary>
    public string? TrunkPassword { get; init; }

    public string? TrunkDomain { get; init; }

    public bool TrunkRegister { get; init; }

    /// <summary>--unsolicited-mwi: a change to a voicemail box nobody subscribes to is NOTIFYed to the box's registered phones anyway.</summary>
    public bool UnsolicitedMwi { get; init; }

    /// <summary>
    /// --management: a second web listener for monitoring, where /api/health and /api/status (and
    /// /api/diagnostics/gc with --diagnostics) answer without a login and nothing else answers;
    /// null without one. Put it on an address only the monitoring can reach (127.0.0.1, a
    /// management network).
    /// </summary>
    public IPEndPoint? Management { get; init; }

    /// <summary>Serve POST /api/diagnostics/gc (a full collection, then the heap size): for benchmarks, off by default.</summary>
    public bool Diagnostics { get; init; }

    /// <summary>The staff directory (vidensdatabase) file; null: the one beside the bundled policy, when the bundled policy is used.</summary>
    public string? DirectoryFile { get; init; }

    /// <summary>--directory-sync: the periodic sync of the people from Microsoft 365; off by default.</summary>
    public Omstilling.Host.Directories.DirectorySyncMode DirectorySync { get; init; }

    /// <summary>--database: PostgreSQL (a postgres:// URL or Host=...) or a SQLite file; null: data/omstilling.db.</summary>
    public Omstilling.Storage.DatabaseOptions? Database { get; init; }

    /// <summary>The SMTP server that phone messages are e-mailed through; null: messages stay in the web inbox.</summary>
    public Omstilling.Web.Messages.SmtpOptions? Smtp { get; init; }

    /// <summary>--drain-seconds: at the stop, how long the calls up may go on (new ones are refused 503) before they are ended with BYE.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(20);

    public int FirstRtpPort { get; init; } = 10000;

    public int LastRtpPort { get; init; } = 20000;

    /// <summary>Threads that send (media clock lanes) and that receive and relay RTP; null: the media plane's default for this machine.</summary>
    public int? MediaThreads { get; init; }

    /// <summary>Per-source limits and the overload limit (--auth-fail-limit, --allow, ...: <see cref="AbuseArguments"/>).</summary>
    public Omstilling.Sip.Security.AbuseLimits Abuse { get; init; } = Omstilling.Sip.Security.AbuseLimits.Default;

    /// <summary>
    /// The options from <c>run</c>'s arguments, this process's environment and the configuration
    /// file, as <c>omstilling run</c> makes them; throws <see cref="UsageException"/> for a bad one.
    /// </summary>
    public static RunOptions Parse(ReadOnlySpan<string> args) => Settings.RunCommandLine.Options(args.ToArray(), Settings.RunCommandLine.ProcessEnvironment());
}
