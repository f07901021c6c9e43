using System.Globalization;
using Omstilling.Policy.Explaining;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Routing;

namespace Omstilling.Host.Cli;

/// <summary>
/// <c>omstilling explain NUMBER --at "YYYY-MM-DD HH:MM" [--lang en] [--policy FILE]</c>: what a
/// caller hears and can do at that local time (Europe/Copenhagen), and which rule decided.
/// </summary>
internal static class ExplainCommand
{
    public const string Usage = "Usage: omstilling explain NUMBER --at \"YYYY-MM-DD HH:MM\" [--lang da|en] [--policy FILE] [--closed-switchboard]";

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args, TextWriter output, TextWriter error)
    {
        string? number = null, at = null, file = null;
        var language = ExplainLanguage.Danish;
        var staffed = true;
        var a = args.Span;
        for (var i = 0; i < a.Length; i++)
        {
            switch (a[i])
            {
                case "--at" when i + 1 < a.Length:
                    at = a[++i];
                    break;
                case "--policy" when i + 1 < a.Length:
                    file = a[++i];
                    break;
                case "--lang" when i + 1 < a.Length:
                    var lang = a[++i];
                    language = lang switch
                    {
                        "da" => ExplainLanguage.Danish,
                        "en" => ExplainLanguage.English,
                        _ => (ExplainLanguage)(-1),
                    };
                    if ((int)language < 0)
                    {
                        await error.WriteLineAsync($"omstilling explain: --lang '{lang}' is not da or en");
                        return 2;
                    }

                    break;
                case "--closed-switchboard":
                    staffed = false;
                    break;
                default:
                    if (number is not null || a[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        await error.WriteLineAsync($"omstilling explain: unexpected '{a[i]}'\n{Usage}");
                        return 2;
                    }

                    number = a[i];
                    break;
            }
        }

        if (number is null || at is null || !TryParseLocal(at, out var local))
        {
            await error.WriteLineAsync(at is not null && number is not null
                ? $"omstilling explain: --at '{at}' is not \"YYYY-MM-DD HH:MM\"\n{Usage}"
                : Usage);
            return 2;
        }

        var result = PolicyLoader.LoadFile(file ?? PolicyFiles.Default());
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(result.Report());
            return 1;
        }

        var explanation = result.Policy!.Explain(number, local, language, staffed ? PolicyState.Staffed : PolicyState.Unstaffed);
        await output.WriteLineAsync(explanation.Text);
        return 0;
    }

    /// <summary>"YYYY-MM-DD HH:MM" (or with seconds, "HH:MM:SS") as a local (unspecified-kind) time.</summary>
    public static bool TryParseLocal(string text, out DateTime local) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
}
