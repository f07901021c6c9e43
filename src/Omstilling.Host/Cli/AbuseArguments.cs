using System.Globalization;
using System.Net;
using Omstilling.Sip.Security;

namespace Omstilling.Host.Cli;

/// <summary>
/// The abuse-limit options of <c>omstilling run</c> (docs/security.md, "Abuse limits"): each takes
/// one value and changes one field of <see cref="AbuseLimits"/>. The first <c>--allow</c> replaces
/// the default allow-list (the host itself); <c>--allow none</c> empties it.
/// </summary>
internal static class AbuseArguments
{
    /// <summary>
    /// The options with setting <paramref name="name"/> applied (<see cref="Settings.RunSettings"/>);
    /// a repeated <c>--allow</c> comes as a comma-separated list. A bad value is a
    /// <see cref="Settings.SettingException"/> saying what is expected.
    /// </summary>
    public static RunOptions Set(RunOptions options, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            var limits = options.Abuse;
            foreach (var item in name == "--allow" ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [value])
            {
                limits = Apply(limits, name, item);
            }

            return options with { Abuse = limits };
        }
        catch (UsageException e)
        {
            var message = e.Message.StartsWith(name + ": ", StringComparison.Ordinal) ? e.Message[(name.Length + 2)..] : e.Message;
            throw new Settings.SettingException(message);
        }
    }

    /// <summary>The limits with option <paramref name="name"/> set to <paramref name="value"/>; a bad value is a <see cref="UsageException"/>.</summary>
    public static AbuseLimits Apply(AbuseLimits limits, string name, string value) => name switch
    {
        "--auth-fail-limit" => limits with { AuthFailureLimit = Count(name, value) is <= AbuseLimits.MaxAuthFailureLimit and var n ? n : throw new UsageException($"{name}: at most {AbuseLimits.MaxAuthFailureLimit} (each address that fails keeps this many times)") },
        "--auth-fail-window" => limits with { AuthFailureWindow = Seconds(name, value) },
        "--block-seconds" => limits with { BlockDuration = Seconds(name, value) },
        "--rate-limit" => limits with { MessageRateLimit = Count(name, value) },
        "--blocked-answer" => limits with
        {
            BlockedAnswer = value switch
            {
                "none" => BlockedAnswer.None,
                "403" => BlockedAnswer.Forbidden,
                _ => throw new UsageException($"--blocked-answer: '{value}' is not none or 403"),
            },
        },
        "--allow" => limits with { Allowed = Allow(limits, value) },
        "--max-calls-per-account" => limits with { MaxCallsPerAccount = Count(name, value) },
        "--max-calls-per-address" => limits with { MaxCallsPerAddress = Count(name, value) },
        "--max-registrations-per-account" => limits with { MaxRegistrationsPerAccount = Count(name, value) is > 0 and var n ? n : throw new UsageException($"{name} needs at least 1") },
        "--max-registrations-per-address" => limits with { MaxRegistrationsPerAddress = Count(name, value) },
        "--max-calls-in-setup" => limits with { MaxCallsInSetup = Count(name, value) },
        "--retry-after" => limits with { RetryAfter = Seconds(name, value) },
        _ => throw new UsageException($"unknown option '{name}'"),
    };

    /// <summary>The limits the server runs with: the trunk's address is always allowed (every citizen's call comes from it).</summary>
    public static AbuseLimits For(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Trunk is { } trunk ? options.Abuse.Allowing(trunk.Address) : options.Abuse;
    }

    private static IReadOnlyList<IPNetwork> Allow(AbuseLimits limits, string value)
    {
        IReadOnlyList<IPNetwork> kept = ReferenceEquals(limits.Allowed, AbuseLimits.Default.Allowed) ? [] : limits.Allowed;
        if (value == "none")
        {
            return kept;
        }

        // IPNetwork clears bits after the prefix; 10.0.0.1/8 is more likely a typing error than 10.0.0.0/8.
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && IPNetwork.TryParse(value, out var network) && IPAddress.TryParse(value.AsSpan(0, slash), out var written) && written.Equals(network.BaseAddress))
        {
            return [.. kept, network];
        }

        if (IPAddress.TryParse(value, out var address) && !value.Contains('/', StringComparison.Ordinal))
        {
            return [.. kept, new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)];
        }

        throw new UsageException($"--allow: '{value}' is not an address or a network like 192.0.2.0/24 (with no bits set after the prefix), or none");
    }

    private static int Count(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000
            ? n
            : throw new UsageException($"{name}: '{text}' is not a number from 0 to 1000000 (0: no limit)");

    private static TimeSpan Seconds(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 31 * 24 * 3600
            ? TimeSpan.FromSeconds(s)
            : throw new UsageException($"{name}: '{text}' is not a number of seconds from 1 to 2678400");
}
