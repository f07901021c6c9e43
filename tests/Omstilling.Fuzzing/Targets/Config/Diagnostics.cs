using System.Collections.Immutable;
using Omstilling.Fuzzing.Engine;
using Omstilling.Policy.Loading;
using Omstilling.Yaml;

namespace Omstilling.Fuzzing.Targets.Config;

/// <summary>What every load must give: no exception, and for a broken file errors that say where (file:line:column) and what.</summary>
internal static class Diagnostics
{
    public const string FileName = "fuzz.yaml";

    /// <summary>Lines as YAML counts them: CR LF, CR, LF, NEL, LS and PS each end one (YAML 1.1 §5.4).</summary>
    private static int YamlLines(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            lines += text[i] is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' ? 1 : 0;
        }

        return lines;
    }

    /// <summary>Checks the diagnostics and returns an outcome key: the first error's kind, or "loaded".</summary>
    public static string Check(bool succeeded, ImmutableArray<YamlDiagnostic> diagnostics, string text)
    {
        var lines = YamlLines(text);
        foreach (var d in diagnostics)
        {
            OracleViolationException.Check(d.Location.File == FileName, $"a diagnostic names '{d.Location.File}': {d}");
            OracleViolationException.Check(
                d.Location.Line >= 1 && d.Location.Line <= lines + 1 && d.Location.Column >= 1,
                $"a diagnostic points outside the {lines}-line file: {d}");
            OracleViolationException.Check(d.Message.Length > 0 && d.ToString().StartsWith($"{FileName}:{d.Location.Line}:{d.Location.Column}: ", StringComparison.Ordinal), $"a diagnostic without a message or position: {d}");
        }

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        OracleViolationException.Check(succeeded == (errors.Count == 0), $"the load {(succeeded ? "succeeded" : "failed")} with {errors.Count} errors");
        if (succeeded)
        {
            return "loaded";
        }

        var message = errors[0].Message;
        var quote = message.IndexOf('\'', StringComparison.Ordinal);
        var kind = quote < 0 ? message : message[..quote];
        return kind.Length > 40 ? kind[..40] : kind;
    }
}
