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

    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public IReadOnlyList<DigestAlgorithm> DigestAlgorithms { get; init; } = [DigestAlgorithm.Md5];

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

        return bind.Count > 0 ? options with { Bind = bind } : options;
    }

    private static string Value(ReadOnlySpan<string> args, ref int i)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static int Port(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new UsageException($"{name}: '{text}' is not a port number (1-65535)");
}
