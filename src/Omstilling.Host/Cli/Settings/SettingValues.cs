using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Omstilling.Sip.Auth;
using Omstilling.Web.Messages;

namespace Omstilling.Host.Cli.Settings;

/// <summary>
/// The value formats of <c>run</c>'s settings, each parsed in one place: the same text is accepted
/// from the command line, a file and the environment, and refused with the same words.
/// </summary>
internal static class SettingValues
{
    public const string DefaultFrom = "Hovedomstillingen <omstilling@localhost>";

    public static bool Flag(string text) =>
        bool.TryParse(text, out var on) ? on : throw new SettingException($"'{text}' is not true or false");

    public static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= IPEndPoint.MaxPort
            ? port
            : throw new SettingException($"'{text}' is not a port number (1-65535)");

    public static IPAddress Address(string text) =>
        IPAddress.TryParse(text, out var address) ? address : throw new SettingException($"'{text}' is not an IP address");

    public static IReadOnlyList<IPAddress> Addresses(string text)
    {
        var parts = List(text);
        return parts.Length > 0 ? parts.Select(Address).ToArray() : throw new SettingException("needs at least one IP address");
    }

    public static IPEndPoint EndPoint(string text, string example) =>
        IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port != 0 && text.Contains(':', StringComparison.Ordinal)
            ? endPoint
            : throw new SettingException($"'{text}' is not an address and port like {example}");

    public static DateTime LocalTime(string text) =>
        ExplainCommand.TryParseLocal(text, out var local) ? local : throw new SettingException($"'{text}' is not \"YYYY-MM-DD HH:MM\"");

    public static IReadOnlyList<DigestAlgorithm> Digests(string text)
    {
        var list = List(text);
        return list.Length > 0
            ? list.Select(a => DigestAlgorithms.TryParse(a, out var algorithm) ? algorithm : throw new SettingException($"'{a}' is not md5 or sha-256")).ToArray()
            : throw new SettingException("needs at least one algorithm");
    }

    public static (int First, int Last) RtpPorts(string text)
    {
        var range = text.Split('-');
        if (range.Length != 2)
        {
            throw new SettingException($"'{text}' is not a range like 10000-20000");
        }

        var (first, last) = (Port(range[0]), Port(range[1]));
        return first < 1024 || last - first < 2
            ? throw new SettingException("the range must start at 1024 or above and hold at least one even/odd pair")
            : (first, last);
    }

    public static TimeSpan DrainSeconds(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new SettingException($"'{text}' is not a number of seconds from 0 to 3600");

    public static int MediaThreads(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 64
            ? count
            : throw new SettingException($"'{text}' is not a number of threads from 1 to 64");

    public static Omstilling.Storage.DatabaseOptions Database(string text)
    {
        try
        {
            return Omstilling.Storage.DatabaseOptions.Parse(text);
        }
        catch (FormatException e)
        {
            throw new SettingException(e.Message, e); // it says what is missing and the form expected
        }
        catch (ArgumentException e)
        {
            throw new SettingException("needs a postgres:// URL, Host=... or a SQLite file name", e);
        }
    }

    public static LogLevel LogLevel(string text) =>
        Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && level != Microsoft.Extensions.Logging.LogLevel.None && !int.TryParse(text, out _)
            ? level
            : throw new SettingException($"'{text}' is not one of trace, debug, information, warning, error");

    /// <summary>The SMTP settings so far; a setting applied before the server's address keeps its value for it (an empty host until then).</summary>
    public static SmtpOptions Smtp(RunOptions options) => options.Smtp ?? new("", 25, DefaultFrom);

    public static SmtpOptions SmtpServer(RunOptions options, string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= IPEndPoint.MaxPort
            ? Smtp(options) with { Host = text[..colon], Port = port }
            : throw new SettingException($"'{text}' is not a host and port like mail.kommune.dk:587");
    }

    public static string MailAddress(string text) =>
        MimeKit.MailboxAddress.TryParse(text, out _) ? text : throw new SettingException($"'{text}' is not an e-mail address");

    public static SmtpSecurity SmtpSecurity(string text) => text switch
    {
        "auto" => Omstilling.Web.Messages.SmtpSecurity.Auto,
        "none" => Omstilling.Web.Messages.SmtpSecurity.None,
        "starttls" => Omstilling.Web.Messages.SmtpSecurity.StartTls,
        "tls" => Omstilling.Web.Messages.SmtpSecurity.Tls,
        _ => throw new SettingException($"'{text}' is not auto, none, starttls or tls"),
    };

    public static Omstilling.Host.Directories.DirectorySyncMode DirectorySync(string text) => text switch
    {
        "off" => Omstilling.Host.Directories.DirectorySyncMode.Off,
        "preview" => Omstilling.Host.Directories.DirectorySyncMode.Preview,
        "apply" => Omstilling.Host.Directories.DirectorySyncMode.Apply,
        _ => throw new SettingException($"'{text}' is not off, preview or apply"),
    };

    public static Uri PublicUrl(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new SettingException($"'{text}' is not an http(s) address");

    /// <summary>
    /// A password kept in a file of its own (readable only by the service's user): the first line,
    /// without its line break. Read when the options are made, so a missing file stops the start.
    /// </summary>
    public static string PasswordFile(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var line = reader.ReadLine();
            return string.IsNullOrEmpty(line) ? throw new SettingException($"the password file '{path}' is empty") : line;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new SettingException($"the password file '{path}' cannot be read: {e.Message}", e);
        }
    }

    /// <summary>A file that must exist when the options are made (a certificate, a key): read later, by what uses it.</summary>
    public static string ExistingFile(string path) =>
        File.Exists(path) ? path : throw new SettingException($"the file '{path}' does not exist");

    /// <summary>A SIP transport: udp, tcp or tls.</summary>
    public static Omstilling.Sip.Transport.SipTransportKind Transport(string text) =>
        Omstilling.Sip.Transport.SipTransportKindExtensions.TryParse(text, out var kind)
            ? kind
            : throw new SettingException($"'{text}' is not udp, tcp or tls");

    private static string[] List(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
