using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Auth;

namespace Omstilling.Host.Cli;

/// <summary>The options of <c>omstilling run</c>. Immutable.</summary>
internal sealed record RunOptions
{
    public int SipPort { get; init; } = 5060;

    public int WebPort { get; init; } = 8080;

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

    /// <summary>The SIP trunk (UDP) that external numbers are called through; null without one.</summary>
    public IPEndPoint? Trunk { get; init; }

    /// <summary>Our account at the trunk; null when the trunk trusts our address.</summary>
    public string? TrunkUser { get; init; }

    /// <summary>From --trunk-password or the OMSTILLING_TRUNK_PASSWORD environment variable.</summary>
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

    /// <summary>--database: PostgreSQL (a postgres:// URL or Host=...) or a SQLite file; null: data/omstilling.db.</summary>
    public Omstilling.Storage.DatabaseOptions? Database { get; init; }

    /// <summary>The SMTP server that phone messages are e-mailed through; null: messages stay in the web inbox.</summary>
    public Omstilling.Web.Messages.SmtpOptions? Smtp { get; init; }

    /// <summary>Per-source limits and the overload limit (--auth-fail-limit, --allow, ...: <see cref="AbuseArguments"/>).</summary>
    public Omstilling.Sip.Security.AbuseLimits Abuse { get; init; } = Omstilling.Sip.Security.AbuseLimits.Default;

    public int FirstRtpPort { get; init; } = 10000;

    public int LastRtpPort { get; init; } = 20000;

    /// <summary>Threads that send (media clock lanes) and that receive and relay RTP; null: the media plane's default for this machine.</summary>
    public int? MediaThreads { get; init; }

    public static RunOptions Parse(ReadOnlySpan<string> args)
    {
        var options = new RunOptions();
        var bind = new List<IPAddress>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--demo":
                    options = options with { Demo = true };
                    break;
                case "--simulate":
                    options = options with { Simulate = true };
                    break;
                case "--policy":
                    options = options with { PolicyFile = Value(args, ref i) };
                    break;
                case "--at":
                    var at = Value(args, ref i);
                    options = options with
                    {
                        StartAt = ExplainCommand.TryParseLocal(at, out var local) ? local : throw new UsageException($"--at: '{at}' is not \"YYYY-MM-DD HH:MM\""),
                    };
                    break;
                case "--trunk":
                    var trunk = Value(args, ref i);
                    options = options with
                    {
                        Trunk = IPEndPoint.TryParse(trunk, out var trunkEndPoint) && trunkEndPoint.Port != 0
                            ? trunkEndPoint
                            : throw new UsageException($"--trunk: '{trunk}' is not an address and port like 192.0.2.50:5060"),
                    };
                    break;
                case "--trunk-user":
                    options = options with { TrunkUser = Value(args, ref i) };
                    break;
                case "--trunk-password":
                    options = options with { TrunkPassword = Value(args, ref i) };
                    break;
                case "--trunk-domain":
                    options = options with { TrunkDomain = Value(args, ref i) };
                    break;
                case "--trunk-register":
                    options = options with { TrunkRegister = true };
                    break;
                case "--unsolicited-mwi":
                    options = options with { UnsolicitedMwi = true };
                    break;
                case "--management":
                    var management = Value(args, ref i);
                    options = options with
                    {
                        Management = IPEndPoint.TryParse(management, out var managementEndPoint) && managementEndPoint.Port != 0
                            ? managementEndPoint
                            : throw new UsageException($"--management: '{management}' is not an address and port like 127.0.0.1:8081"),
                    };
                    break;
                case "--diagnostics":
                    options = options with { Diagnostics = true };
                    break;
                case "--sip-port":
                    options = options with { SipPort = Port(name, Value(args, ref i)) };
                    break;
                case "--web-port":
                    options = options with { WebPort = Port(name, Value(args, ref i)) };
                    break;
                case "--data-dir":
                    options = options with { DataDirectory = Value(args, ref i) };
                    break;
                case "--bind":
                    var text = Value(args, ref i);
                    bind.Add(IPAddress.TryParse(text, out var address) ? address : throw new UsageException($"--bind: '{text}' is not an IP address"));
                    break;
                case "--digest":
                    var list = Value(args, ref i).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    options = options with
                    {
                        DigestAlgorithms = list.Length > 0
                            ? list.Select(a => Omstilling.Sip.Auth.DigestAlgorithms.TryParse(a, out var alg) ? alg : throw new UsageException($"--digest: '{a}' is not md5 or sha-256")).ToArray()
                            : throw new UsageException("--digest needs at least one algorithm"),
                    };
                    break;
                case "--media-address":
                    var media = Value(args, ref i);
                    options = options with
                    {
                        MediaAddress = IPAddress.TryParse(media, out var mediaAddress) ? mediaAddress : throw new UsageException($"--media-address: '{media}' is not an IP address"),
                    };
                    break;
                case "--rtp-ports":
                    var range = Value(args, ref i).Split('-');
                    if (range.Length != 2)
                    {
                        throw new UsageException("--rtp-ports needs a range like 10000-20000");
                    }

                    var (first, last) = (Port("--rtp-ports", range[0]), Port("--rtp-ports", range[1]));
                    options = first < 1024 || last - first < 2
                        ? throw new UsageException("--rtp-ports: the range must start at 1024 or above and hold at least one even/odd pair")
                        : options with { FirstRtpPort = first, LastRtpPort = last };
                    break;
                case "--media-threads":
                    var threads = Value(args, ref i);
                    options = int.TryParse(threads, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 64
                        ? options with { MediaThreads = count }
                        : throw new UsageException($"--media-threads: '{threads}' is not a number of threads from 1 to 64");
                    break;
                case "--directory":
                    options = options with { DirectoryFile = Value(args, ref i) };
                    break;
                case "--database":
                    options = options with { Database = DatabaseValue(Value(args, ref i)) };
                    break;
                case "--smtp":
                    var smtp = Value(args, ref i);
                    var colon = smtp.LastIndexOf(':');
                    options = options with
                    {
                        Smtp = colon > 0 && int.TryParse(smtp.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var smtpPort) && smtpPort is > 0 and <= 65535
                            ? new Omstilling.Web.Messages.SmtpOptions(smtp[..colon], smtpPort, options.Smtp?.From ?? DefaultFrom) with { UserName = options.Smtp?.UserName, Password = options.Smtp?.Password, Security = options.Smtp?.Security ?? default, PublicUrl = options.Smtp?.PublicUrl }
                            : throw new UsageException($"--smtp: '{smtp}' is not a host and port like mail.kommune.dk:587"),
                    };
                    break;
                case "--smtp-from":
                    options = options with { Smtp = SmtpOr(options) with { From = MailAddress(Value(args, ref i)) } };
                    break;
                case "--smtp-user":
                    options = options with { Smtp = SmtpOr(options) with { UserName = Value(args, ref i) } };
                    break;
                case "--smtp-password":
                    options = options with { Smtp = SmtpOr(options) with { Password = Value(args, ref i) } };
                    break;
                case "--smtp-security":
                    var security = Value(args, ref i);
                    options = options with
                    {
                        Smtp = SmtpOr(options) with
                        {
                            Security = security switch
                            {
                                "auto" => Omstilling.Web.Messages.SmtpSecurity.Auto,
                                "none" => Omstilling.Web.Messages.SmtpSecurity.None,
                                "starttls" => Omstilling.Web.Messages.SmtpSecurity.StartTls,
                                "tls" => Omstilling.Web.Messages.SmtpSecurity.Tls,
                                _ => throw new UsageException($"--smtp-security: '{security}' is not auto, none, starttls or tls"),
                            },
                        },
                    };
                    break;
                case "--public-url":
                    var url = Value(args, ref i);
                    options = options with
                    {
                        Smtp = SmtpOr(options) with
                        {
                            PublicUrl = Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var publicUrl) && publicUrl.Scheme is "http" or "https"
                                ? publicUrl
                                : throw new UsageException($"--public-url: '{url}' is not an http(s) address"),
                        },
                    };
                    break;
                case var abuse when AbuseArguments.IsOption(abuse):
                    options = options with { Abuse = AbuseArguments.Apply(options.Abuse, name, Value(args, ref i)) };
                    break;
                case "--log-level":
                    var level = Value(args, ref i);
                    options = options with
                    {
                        LogLevel = Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) && parsed != LogLevel.None
                            ? parsed
                            : throw new UsageException($"--log-level: '{level}' is not one of trace, debug, information, warning, error"),
                    };
                    break;
                default:
                    throw new UsageException($"unknown option '{name}'");
            }
        }

        if (options.Trunk is null && (options.TrunkUser ?? options.TrunkDomain) is not null || options.TrunkRegister && options.TrunkUser is null)
        {
            throw new UsageException(options.TrunkRegister && options.TrunkUser is null
                ? "--trunk-register needs --trunk and --trunk-user"
                : "--trunk-user and --trunk-domain need --trunk");
        }

        if (options.Simulate && !options.Demo)
        {
            throw new UsageException("--simulate needs --demo (the simulated operators use the demo's phones)");
        }

        if (options.Management is { } listener && listener.Port == options.WebPort)
        {
            throw new UsageException($"--management needs a port of its own, not the web port {options.WebPort}");
        }

        if (options.Smtp is { Host.Length: 0 })
        {
            throw new UsageException("--smtp-from, --smtp-user, --smtp-password, --smtp-security and --public-url need --smtp");
        }

        if (options.Smtp is { } mail && mail.Password is null && Environment.GetEnvironmentVariable("OMSTILLING_SMTP_PASSWORD") is { } smtpPassword)
        {
            options = options with { Smtp = mail with { Password = smtpPassword } };
        }

        options = options with { TrunkPassword = options.TrunkPassword ?? Environment.GetEnvironmentVariable("OMSTILLING_TRUNK_PASSWORD") };
        return bind.Count > 0 ? options with { Bind = bind } : options;
    }

    private const string DefaultFrom = "Hovedomstillingen <omstilling@localhost>";

    /// <summary>The SMTP settings so far; an option given before --smtp keeps its value for it (an empty host until then).</summary>
    private static Omstilling.Web.Messages.SmtpOptions SmtpOr(RunOptions options) => options.Smtp ?? new("", 25, DefaultFrom);

    private static string MailAddress(string text) =>
        MimeKit.MailboxAddress.TryParse(text, out _) ? text : throw new UsageException($"--smtp-from: '{text}' is not an e-mail address");

    private static string Value(ReadOnlySpan<string> args, ref int i)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static Omstilling.Storage.DatabaseOptions DatabaseValue(string text)
    {
        try
        {
            return Omstilling.Storage.DatabaseOptions.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message); // it names the option and the form expected
        }
        catch (ArgumentException)
        {
            throw new UsageException("--database needs a postgres:// URL, Host=... or a SQLite file name");
        }
    }

    private static int Port(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new UsageException($"{name}: '{text}' is not a port number (1-65535)");
}
