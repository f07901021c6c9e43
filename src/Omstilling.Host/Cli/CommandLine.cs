using System.Reflection;

namespace Omstilling.Host.Cli;

/// <summary>
/// The omstilling command line: <c>run</c> starts the server. Parsing is strict: an unknown
/// option or a bad value is an error with the usage, never silently ignored.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: omstilling <command> [options]

        Commands:
          run        Start the phone system (SIP on UDP and TCP, and the web server).
          check FILE Validate a telephone policy; prints file:line:column for every problem.
          explain NUMBER --at "YYYY-MM-DD HH:MM" [--lang en] [--policy FILE]
                     What a caller to NUMBER hears and can do at that local time, and why.
          prompts    generate: speak the standard Danish prompts into prompts/da (espeak-ng, sox);
                     generate --policy FILE: speak a policy's prompts into prompts/da/spoken;
                     list [--policy FILE]: print their names and texts.
          report     --from YYYY-MM-DD --to YYYY-MM-DD [--department ID] [--format table|json|csv]
                     [--data-dir DIR | --database DB] [--policy FILE]: the policy's three goals
                     against their targets, from the call history (docs/kpis.md).
          simulate   --server HOST:PORT --day YYYY-MM-DD [--speed N] [--seed S] [--from HH:MM]
                     [--until HH:MM] [--accounts FILE] [--policy FILE] [--profile FILE]: synthetic
                     citizens call a running server's main number (and staff's direct numbers) and
                     synthetic operators and staff answer (docs/simulator.md).
          users      add NAME --role operator|staff|department-head|admin [--extension EXT]
                     [--person ID] [--department ID]: a login for the web app (password from
                     OMSTILLING_USER_PASSWORD or standard input); list: the logins; disable NAME,
                     enable NAME, passwd NAME (the new password as for add), remove NAME.
          phones     add EXT [--person ID]: a SIP account for a phone, its password made and
                     printed once (only its HA1 hashes are kept); list; passwd EXT: a new one;
                     remove EXT. [--data-dir DIR]; the running server follows at once.
          directory  import FILE.csv|FILE.yaml [--apply]: what the file would change in the staff
                     directory kept in the database (new, left, changed), applied with --apply;
                     export [--output FILE]: the directory as YAML; log [--limit N]: who changed
                     what. [--data-dir DIR | --database DB] [--policy FILE] (docs/directory.md).

        Options for run:
          --sip-port <port>     SIP port for UDP and TCP (default 5060)
          --web-port <port>     HTTP port of the web server (default 8080)
          --bind <address>      Address to listen on; repeat for several (default 0.0.0.0 and ::)
          --data-dir <path>     Where accounts and data are kept (default ./data)
          --policy <file>       The telephone policy (default config/guldborgsund.yaml)
          --at "YYYY-MM-DD HH:MM[:SS]"
                                Start the server's clock at that local time and let it run on
                                (demonstrations and tests: the after-hours menu at noon)
          --trunk <ip:port>     The SIP trunk (UDP): external numbers the policy names are called
                                through it, and calls from its address need no credentials
          --trunk-user <name>   Our account at the trunk: its digest challenges are answered
          --trunk-password <pw> The account's password (or set OMSTILLING_TRUNK_PASSWORD)
          --trunk-domain <host> The provider's domain (default: the trunk's address)
          --trunk-register      Register the account with the trunk and keep it registered
          --unsolicited-mwi     Tell phones that do not subscribe to message-waiting of their
                                voicemail too: a NOTIFY outside a dialog to each registered phone
          --demo                Create the demo accounts: operators 100-103 and staff 2000-2099,
                                password "demo" + extension (e.g. 2001 / demo2001)
          --simulate            With --demo: synthetic citizens call the main number and synthetic
                                operators answer on 100-103, a day at 20 times its speed; without
                                --at the clock starts at 09:00 today (or the next weekday)
          --media-address <ip> Address for RTP, announced in SDP (default: the first specific --bind
                                address, else this machine's primary address)
          --rtp-ports <a-b>     RTP/RTCP port range (default 10000-20000)
          --media-threads <n>   Media threads: n send (clock lanes), n receive and relay RTP
                                (default: the number of cores, 2 to 4); more than one keeps media
                                flowing when a core stalls
          --digest <list>       Digest algorithms offered, in order: md5, sha-256 or both
                                (default md5; some older phones fail on a sha-256 challenge)
          --management <ip:port>
                                A second web listener for monitoring: /api/health and /api/status
                                (and /api/diagnostics/gc) without a login, nothing else; on the
                                web port /api/status needs an administrator's login
          --diagnostics         Serve POST /api/diagnostics/gc (full garbage collection, then the
                                managed heap size), for memory measurements
          --directory <file>    Keep the staff directory (vidensdatabase) in this file, followed when
                                it changes and read-only on the web (default: in the database,
                                seeded from config/guldborgsund-directory.yaml with the bundled policy)
          --database <db>       PostgreSQL as postgres://user:password@host:5432/db or Host=...;
                                or a SQLite file (default: <data-dir>/omstilling.db)
          --smtp <host:port>    Mail server for phone messages (telefonbeskeder); without it they
                                stay in the recipients' inboxes in the web app
          --smtp-from <addr>    Sender address (default "Hovedomstillingen <omstilling@localhost>")
          --smtp-user <name>    SMTP login; the password from --smtp-password or OMSTILLING_SMTP_PASSWORD
          --smtp-security <s>   auto (STARTTLS when offered), none, starttls or tls (default auto)
          --public-url <url>    The web app's address, linked from the e-mails
          --log-level <level>   trace, debug, information, warning or error (default information)

        Abuse limits for run (docs/security.md; 0 turns a count off):
          --auth-fail-limit <n> Failed authentications from one address that block it (default 20)
          --auth-fail-window <s> ... within this many seconds (default 60)
          --rate-limit <n>      Messages per second from one address that block it (default 200)
          --block-seconds <s>   How long an address stays blocked (default 600)
          --blocked-answer <a>  What a blocked address gets: none or 403 (default none)
          --allow <ip[/prefix]> Exempt from the per-address limits; repeat for several; the first
                                replaces the default 127.0.0.0/8 and ::1; none: nobody (the trunk
                                is always allowed)
          --max-calls-per-account <n>          Calls one account may make at once (default 10)
          --max-calls-per-address <n>          Calls from one address at once (default 30)
          --max-registrations-per-account <n>  Phones registered per account (default 10)
          --max-registrations-per-address <n>  Registrations from one address (default 50)
          --max-calls-in-setup <n>  New calls being routed or ringing beyond which an INVITE is
                                answered 503 with Retry-After (default 500)
          --retry-after <s>     The 503's Retry-After (default 10)

          --help                Show this text
          --version             Show the version
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args[0] == "--version")
        {
            await output.WriteLineAsync(Assembly.GetExecutingAssembly().GetName().Version?.ToString() ?? "0");
            return 0;
        }

        switch (args[0])
        {
            case "run":
                RunOptions options;
                try
                {
                    options = RunOptions.Parse(args.AsSpan(1));
                }
                catch (UsageException e)
                {
                    await error.WriteLineAsync($"omstilling run: {e.Message}");
                    await error.WriteLineAsync(Usage);
                    return 2;
                }

                return await RunCommand.RunAsync(options, cancellationToken);
            case "check":
                return await CheckCommand.RunAsync(args.AsMemory(1), output, error);
            case "explain":
                return await ExplainCommand.RunAsync(args.AsMemory(1), output, error);
            case "prompts":
                return await PromptsCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            case "report":
                return await ReportCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            case "simulate":
                return await SimulateCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            case "users":
                return await UsersCommand.RunAsync(args.AsMemory(1), Console.In, output, error, cancellationToken);
            case "phones":
                return await PhonesCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            case "directory":
                return await DirectoryCommand.RunAsync(args.AsMemory(1), output, error, cancellationToken);
            default:
                await error.WriteLineAsync($"omstilling: unknown command '{args[0]}'");
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }
}

/// <summary>A command line that cannot be understood; the message says what is wrong.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("bad command line")
    {
    }

    public UsageException(string message, Exception inner)
        : this(message + ": " + inner.Message)
    {
    }
}
