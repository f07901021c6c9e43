using System.Collections.Immutable;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Loading;

/// <summary>
/// Loads a policy from YAML. User input is read through YamlDotNet's representation model, never
/// its deserializer, so that every node keeps its line and column and every problem is reported
/// as <c>file:line:column: error: ...</c>. All errors are collected, not just the first. Pure and
/// thread-safe (no shared state).
/// </summary>
public static class PolicyLoader
{
    /// <summary>Loads a file; the path is printed in diagnostics as given.</summary>
    public static PolicyLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var diagnostic = new YamlDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), $"cannot read the policy file: {e.Message}");
            return new PolicyLoadResult(null, [diagnostic]);
        }

        return Load(text, path);
    }

    /// <summary>Loads YAML text; <paramref name="fileName"/> is what diagnostics name.</summary>
    public static PolicyLoadResult Load(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new DiagnosticBag(fileName);
        if (YamlRootReader.ReadRoot(yaml, diagnostics, "policy", "a policy (organisation, time-zone, switchboard, ...)", "the policy must be a mapping of keys (organisation, time-zone, switchboard, ...)") is not { } root)
        {
            return new PolicyLoadResult(null, diagnostics.ToImmutable());
        }

        var draft = new PolicyParser(diagnostics).Parse(root);
        var policy = new PolicyBuilder(draft, diagnostics).Build();
        return new PolicyLoadResult(diagnostics.HasErrors ? null : policy, diagnostics.ToImmutable());
    }
}
