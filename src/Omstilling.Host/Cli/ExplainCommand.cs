using System.CommandLine;
using System.Globalization;
using Omstilling.Policy;
using Omstilling.Policy.Explaining;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Outbound;
using Omstilling.Policy.Routing;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling explain NUMBER [--at "YYYY-MM-DD HH:MM"] [--lang da|en] [--policy FILE]
/// [--closed-switchboard] [--outbound CLASS]</c>: what a caller hears and can do at that local time (Europe/Copenhagen;
/// default now), and which rule decided. A number the plan does not have exits 1 with the plan's
/// nearest numbers.
/// </summary>
internal sealed class ExplainCommand
{
    private readonly Argument<string> _number = new("NUMBER") { Description = "The number called: 8 digits (\"54 73 10 00\", +4554731000) or an extension" };
    private readonly Option<DateTime?> _at = new("--at") { Description = "The local time of the call, \"YYYY-MM-DD HH:MM\" [default: now]", HelpName = "YYYY-MM-DD HH:MM", CustomParser = LocalTime };
    private readonly Option<string> _language = new("--lang") { Description = "The language of the explanation", DefaultValueFactory = _ => "da" };
    private readonly Option<string?> _policy = new("--policy") { Description = "The telephone policy [default: the bundled one]", HelpName = "file" };
    private readonly Option<bool> _closed = new("--closed-switchboard") { Description = "As if no operator were logged in" };
    private readonly Option<string?> _outbound = new("--outbound") { Description = "Instead: whether a phone of this class of service may call NUMBER out through the trunk, and why (the toll-fraud guard)", HelpName = "internal|local|national|international" };
    private readonly TimeProvider _time;

    public ExplainCommand(TimeProvider time)
    {
        _time = time;
        _language.AcceptOnlyFromAmong("da", "en");
        _outbound.AcceptOnlyFromAmong("internal", "local", "national", "international");
        Command = new Command("explain", "What a caller to NUMBER hears and can do at a local time, and why") { _number, _at, _language, _policy, _closed, _outbound };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var result = PolicyLoader.LoadFile(parsed.GetValue(_policy) ?? PolicyFiles.Default());
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(result.Report());
            return CliInvocation.Failure;
        }

        var policy = result.Policy!;
        var number = parsed.GetValue(_number)!;
        var language = parsed.GetValue(_language) == "en" ? ExplainLanguage.English : ExplainLanguage.Danish;
        if (OutboundPermission.TryParseClass(parsed.GetValue(_outbound), out var classOfService))
        {
            // The toll-fraud guard's answer: exit 0 when the call may go out, 1 when it is refused.
            await output.WriteLineAsync(OutboundWords.Explain(policy.Outbound, classOfService, number, language));
            return policy.Outbound.Check(classOfService, number).IsAllowed ? CliInvocation.Ok : CliInvocation.Failure;
        }

        var state = parsed.GetValue(_closed) ? PolicyState.Unstaffed : PolicyState.Staffed;
        var explanation = parsed.GetValue(_at) is { } local
            ? policy.Explain(number, local, language, state)
            : policy.Explain(number, _time.GetUtcNow(), language, state);
        if (explanation.Decision == DecisionKind.NotFound)
        {
            await error.WriteLineAsync(explanation.Text);
            await error.WriteLineAsync($"omstilling explain: {number} is not in the number plan; the nearest numbers are {string.Join(", ", NearestNumbers(policy, number))}");
            return CliInvocation.Failure;
        }

        await output.WriteLineAsync(explanation.Text);
        return CliInvocation.Ok;
    }

    /// <summary>"YYYY-MM-DD HH:MM" (or with seconds, "HH:MM:SS") as a local (unspecified-kind) time.</summary>
    public static bool TryParseLocal(string text, out DateTime local) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    /// <summary>The plan's three numbers that differ from <paramref name="number"/> in fewest digits (then nearest in value), as staff write them.</summary>
    public static IReadOnlyList<string> NearestNumbers(TelephonePolicy policy, string number)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(number);
        Span<char> buffer = stackalloc char[32];
        var key = Omstilling.Policy.Model.DanishNumber.TryGetPlanKey(number, buffer, out var length) ? new string(buffer[..length]) : number;
        return policy.Numbers.Keys
            .OrderBy(candidate => Distance(key, candidate))
            .ThenBy(candidate => candidate.Length == key.Length && long.TryParse(candidate, out var a) && long.TryParse(key, out var b) ? Math.Abs(a - b) : long.MaxValue)
            .ThenBy(candidate => candidate, StringComparer.Ordinal)
            .Take(3)
            .Select(Omstilling.Policy.Model.DanishNumber.Display)
            .ToList();
    }

    /// <summary>Edits (a digit changed, added or left out) between two numbers.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static DateTime? LocalTime(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TryParseLocal(text, out var local))
        {
            return local;
        }

        result.AddError($"'{text}' is not \"YYYY-MM-DD HH:MM\"");
        return null;
    }
}
