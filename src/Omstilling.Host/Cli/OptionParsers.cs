using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace Omstilling.Host.Cli;

/// <summary>The value formats the commands share, each parsed in one place with one kind of error.</summary>
internal static class OptionParsers
{
    /// <summary>A local date, YYYY-MM-DD.</summary>
    public static DateOnly Day(ArgumentResult result)
    {
        var text = Single(result);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        result.AddError($"'{text}' is not a date; expected YYYY-MM-DD");
        return default;
    }

    /// <summary>A time of day, HH:MM (24 hours).</summary>
    public static TimeSpan? TimeOfDay(ArgumentResult result)
    {
        var text = Single(result);
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToTimeSpan();
        }

        result.AddError($"'{text}' is not a time of day; expected HH:MM");
        return null;
    }

    /// <summary>An IP address and port, HOST:PORT (a host name is looked up).</summary>
    public static IPEndPoint? EndPoint(ArgumentResult result)
    {
        var text = Single(result);
        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= IPEndPoint.MaxPort)
        {
            var host = text[..colon].Trim('[', ']');
            if (IPAddress.TryParse(host, out var address))
            {
                return new IPEndPoint(address, port);
            }

            try
            {
                return new IPEndPoint(Dns.GetHostAddresses(host)[0], port);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IndexOutOfRangeException or ArgumentException)
            {
                result.AddError($"'{host}' is not a known host");
                return null;
            }
        }

        result.AddError($"'{text}' is not HOST:PORT");
        return null;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
}
