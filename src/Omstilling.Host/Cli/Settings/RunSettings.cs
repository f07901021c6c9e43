namespace Omstilling.Host.Cli.Settings;

/// <summary>
/// Every setting of <c>omstilling run</c>, each declared once (<see cref="RunSetting"/>): adding an
/// option is adding a line here (and its property on <see cref="RunOptions"/>). The order is the
/// help's and <c>config show</c>'s; where two settings set the same thing (a password from the
/// environment and from a file) the later one wins within a source.
/// </summary>
internal static class RunSettings
{
    public static IReadOnlyList<RunSetting> All { get; } =
    [
        new("--sip-port", "Sip:Port", "port", "SIP port for UDP and TCP", "5060", (o, v) => o with { SipPort = SettingValues.Port(v) }),
        new("--web-port", "Web:Port", "port", "HTTP port of the web app and the API (HTTPS with --tls-cert)", "8080", (o, v) => o with { WebPort = SettingValues.Port(v) }),
        new("--tls-port", "Sip:TlsPort", "port", "SIP over TLS port (with --tls-cert)", "5061", (o, v) => o with { TlsPort = SettingValues.Port(v) }),
        new("--tls-cert", "Tls:Certificate", "file", "PEM certificate (then its intermediates) for SIP over TLS and HTTPS on the web port; re-read when it changes", "none: no TLS, HTTP", (o, v) => o with { TlsCertificate = SettingValues.ExistingFile(v) }),
        new("--tls-key", "Tls:Key", "file", "PEM private key of --tls-cert", "none", (o, v) => o with { TlsKey = SettingValues.ExistingFile(v) }),
        new("--management", "Web:Management", "ip:port", "A second web listener for monitoring: /api/health and /api/status (and /api/diagnostics/gc) without a login, nothing else", "none", (o, v) => o with { Management = SettingValues.EndPoint(v, "127.0.0.1:8081") }),
        new("--bind", "Sip:Bind", "address", "Address to listen on (SIP and web); repeat for several", "0.0.0.0 and ::", (o, v) => o with { Bind = SettingValues.Addresses(v) }) { Repeatable = true },
        new("--data-dir", "Storage:DataDirectory", "path", "Where accounts, the configuration file and data are kept", "./data", (o, v) => o with { DataDirectory = v }),
        new("--demo", "Demo:Enabled", null, "Create the demo accounts if the data directory has none", "off", (o, v) => o with { Demo = SettingValues.Flag(v) }),
        new("--simulate", "Demo:Simulate", null, "With --demo: synthetic citizens call the main number and synthetic operators answer, a day at 20 times its speed", "off", (o, v) => o with { Simulate = SettingValues.Flag(v) }),
        new("--digest", "Sip:Digest", "list", "Digest algorithms offered, in order: md5, sha-256 or md5,sha-256", "md5", (o, v) => o with { DigestAlgorithms = SettingValues.Digests(v) }),
        new("--media-address", "Media:Address", "ip", "Where RTP is bound and what SDP announces", "first specific --bind, else the primary interface", (o, v) => o with { MediaAddress = SettingValues.Address(v) }),
        new("--rtp-ports", "Media:RtpPorts", "a-b", "RTP/RTCP port range (even port RTP, next odd RTCP)", "10000-20000", (o, v) => SettingValues.RtpPorts(v) is var (first, last) ? o with { FirstRtpPort = first, LastRtpPort = last } : o),
        new("--media-threads", "Media:Threads", "n", "Media threads: n send (clock lanes), n receive and relay RTP", "cores, 2 to 4", (o, v) => o with { MediaThreads = SettingValues.MediaThreads(v) }),
        new("--policy", "Policy:File", "file", "The telephone policy; edits are picked up while running", "config/guldborgsund.yaml", (o, v) => o with { PolicyFile = v }),
        new("--at", "Clock:StartAt", "YYYY-MM-DD HH:MM[:SS]", "Start the server's clock at that Copenhagen time and let it run on", "now", (o, v) => o with { StartAt = SettingValues.LocalTime(v) }),
        new("--trunk", "Trunk:Address", "ip:port", "The SIP trunk: external numbers are called through it; calls from it need no credentials", "none", (o, v) => o with { Trunk = SettingValues.EndPoint(v, "192.0.2.50:5060") }),
        new("--trunk-transport", "Trunk:Transport", "t", "How the trunk is reached: udp, tcp or tls (needs --tls-cert)", "udp", (o, v) => o with { TrunkTransport = SettingValues.Transport(v) }),
        new("--trunk-ca", "Trunk:CaFile", "file", "PEM CA certificate(s) trusted for the TLS trunk's certificate, instead of the system's", "the system's CAs", (o, v) => o with { TrunkCaFile = SettingValues.ExistingFile(v) }),
        new("--trunk-user", "Trunk:User", "name", "Our account at the trunk: its digest challenges are answered", "none", (o, v) => o with { TrunkUser = v }),
        new(null, "Trunk:Password", "password", "The account's password (only from the environment: OMSTILLING_TRUNK_PASSWORD)", "none", (o, v) => o with { TrunkPassword = v }) { Secret = true },
        new("--trunk-password-file", "Trunk:PasswordFile", "file", "A file whose first line is the account's password (or set OMSTILLING_TRUNK_PASSWORD)", "none", (o, v) => o with { TrunkPassword = SettingValues.PasswordFile(v) }),
        new("--trunk-domain", "Trunk:Domain", "host", "The provider's domain", "the trunk's address", (o, v) => o with { TrunkDomain = v }),
        new("--trunk-register", "Trunk:Register", null, "Register with the trunk and keep it registered", "off", (o, v) => o with { TrunkRegister = SettingValues.Flag(v) }),
        new("--unsolicited-mwi", "Sip:UnsolicitedMwi", null, "Tell phones that do not subscribe to message-waiting of their voicemail too", "off", (o, v) => o with { UnsolicitedMwi = SettingValues.Flag(v) }),
        new("--directory", "Policy:Directory", "file", "Keep the staff directory (vidensdatabase) in this file, followed when it changes and read-only on the web", "in the database, seeded from config/guldborgsund-directory.yaml with the bundled policy", (o, v) => o with { DirectoryFile = v }),
        new("--directory-sync", "Directory:GraphSync", "mode", "Sync the directory's people from Microsoft 365 every hour (docs/directory.md): preview logs what would change, apply applies it; needs OMSTILLING_GRAPH_*", "off", (o, v) => o with { DirectorySync = SettingValues.DirectorySync(v) }),
        new("--database", "Storage:Database", "db", "PostgreSQL as postgres://user@host:5432/db or Host=...; or a SQLite file", "<data-dir>/omstilling.db (SQLite)", (o, v) => o with { Database = SettingValues.Database(v) }),
        new("--smtp", "Smtp:Server", "host:port", "Mail server for phone messages and voicemails", "none", (o, v) => o with { Smtp = SettingValues.SmtpServer(o, v) }),
        new("--smtp-from", "Smtp:From", "address", "Sender of those e-mails", SettingValues.DefaultFrom, (o, v) => o with { Smtp = SettingValues.Smtp(o) with { From = SettingValues.MailAddress(v) } }),
        new("--smtp-user", "Smtp:User", "name", "SMTP login", "none", (o, v) => o with { Smtp = SettingValues.Smtp(o) with { UserName = v } }),
        new(null, "Smtp:Password", "password", "The SMTP password (only from the environment: OMSTILLING_SMTP_PASSWORD)", "none", (o, v) => o with { Smtp = SettingValues.Smtp(o) with { Password = v } }) { Secret = true },
        new("--smtp-password-file", "Smtp:PasswordFile", "file", "A file whose first line is the SMTP password (or set OMSTILLING_SMTP_PASSWORD)", "none", (o, v) => o with { Smtp = SettingValues.Smtp(o) with { Password = SettingValues.PasswordFile(v) } }),
        new("--smtp-security", "Smtp:Security", "s", "auto (STARTTLS when offered), none, starttls or tls", "auto", (o, v) => o with { Smtp = SettingValues.Smtp(o) with { Security = SettingValues.SmtpSecurity(v) } }),
        new("--public-url", "Smtp:PublicUrl", "url", "The web app's address, linked from the e-mails", "none", (o, v) => o with { Smtp = SettingValues.Smtp(o) with { PublicUrl = SettingValues.PublicUrl(v) } }),
        new("--drain-seconds", "Sip:DrainSeconds", "s", "At the stop, how long the calls up may go on (new calls are refused 503) before they are ended with BYE", "20", (o, v) => o with { Drain = SettingValues.DrainSeconds(v) }),
        new("--diagnostics", "Web:Diagnostics", null, "Serve POST /api/diagnostics/gc for memory measurements", "off", (o, v) => o with { Diagnostics = SettingValues.Flag(v) }),
        new("--log-level", "Logging:Level", "level", "trace, debug, information, warning or error", "information", (o, v) => o with { LogLevel = SettingValues.LogLevel(v) }),

        // Abuse limits (docs/security.md; 0 turns a count off).
        new("--auth-fail-limit", "Security:AuthFailLimit", "n", "Failed authentications from one address that block it", "20", (o, v) => AbuseArguments.Set(o, "--auth-fail-limit", v)),
        new("--auth-fail-window", "Security:AuthFailWindow", "s", "... within this many seconds", "60", (o, v) => AbuseArguments.Set(o, "--auth-fail-window", v)),
        new("--rate-limit", "Security:RateLimit", "n", "Messages per second from one address that block it", "200", (o, v) => AbuseArguments.Set(o, "--rate-limit", v)),
        new("--block-seconds", "Security:BlockSeconds", "s", "How long an address stays blocked", "600", (o, v) => AbuseArguments.Set(o, "--block-seconds", v)),
        new("--blocked-answer", "Security:BlockedAnswer", "a", "What a blocked address gets: none or 403", "none", (o, v) => AbuseArguments.Set(o, "--blocked-answer", v)),
        new("--allow", "Security:Allow", "ip[/prefix]", "Exempt from the per-address limits; repeat for several; the first replaces the default; none: nobody (the trunk is always allowed)", "127.0.0.0/8 and ::1", (o, v) => AbuseArguments.Set(o, "--allow", v)) { Repeatable = true },
        new("--max-calls-per-account", "Security:MaxCallsPerAccount", "n", "Calls one account may make at once", "10", (o, v) => AbuseArguments.Set(o, "--max-calls-per-account", v)),
        new("--max-calls-per-address", "Security:MaxCallsPerAddress", "n", "Calls from one address at once", "30", (o, v) => AbuseArguments.Set(o, "--max-calls-per-address", v)),
        new("--max-registrations-per-account", "Security:MaxRegistrationsPerAccount", "n", "Phones registered per account", "10", (o, v) => AbuseArguments.Set(o, "--max-registrations-per-account", v)),
        new("--max-registrations-per-address", "Security:MaxRegistrationsPerAddress", "n", "Registrations from one address", "50", (o, v) => AbuseArguments.Set(o, "--max-registrations-per-address", v)),
        new("--max-calls-in-setup", "Security:MaxCallsInSetup", "n", "New calls being routed or ringing beyond which an INVITE is answered 503 with Retry-After", "500", (o, v) => AbuseArguments.Set(o, "--max-calls-in-setup", v)),
        new("--retry-after", "Security:RetryAfter", "s", "The 503's Retry-After", "10", (o, v) => AbuseArguments.Set(o, "--retry-after", v)),
    ];

    /// <summary>The passwords refused on the command line (they would show in <c>ps</c>), and how to give them instead.</summary>
    public static IReadOnlyList<(string Option, string Instead)> RefusedOptions { get; } =
    [
        ("--trunk-password", "--trunk-password-file FILE or the environment variable OMSTILLING_TRUNK_PASSWORD"),
        ("--smtp-password", "--smtp-password-file FILE or the environment variable OMSTILLING_SMTP_PASSWORD"),
    ];

    /// <summary>The environment variables that gave the passwords before there was a configuration; they keep working.</summary>
    public static IReadOnlyList<(string Variable, string Key)> LegacyEnvironment { get; } =
    [
        ("OMSTILLING_TRUNK_PASSWORD", "Trunk:Password"),
        ("OMSTILLING_SMTP_PASSWORD", "Smtp:Password"),
    ];
}
