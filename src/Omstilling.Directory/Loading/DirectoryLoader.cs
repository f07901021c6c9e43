using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Directory.Loading;

/// <summary>
/// Loads a directory file (docs/directory.md). As with the policy, YAML is read through
/// YamlDotNet's representation model so that every problem is reported at its line and column,
/// and all problems are collected. With a policy, references may name the policy's areas,
/// departments and people, and numbers and extensions are checked against its number plan;
/// without one the file must stand on its own. Pure and thread-safe.
/// </summary>
public static class DirectoryLoader
{
    /// <summary>Loads a file; the path is printed in diagnostics as given.</summary>
    public static DirectoryLoadResult LoadFile(string path, TelephonePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var diagnostic = new YamlDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), $"cannot read the directory file: {e.Message}");
            return new DirectoryLoadResult(null, [diagnostic]);
        }

        return Load(text, path, policy);
    }

    /// <summary>Loads YAML text; <paramref name="sourceName"/> is what diagnostics name.</summary>
    public static DirectoryLoadResult Load(string yaml, string sourceName, TelephonePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Load(yaml, new DiagnosticBag(sourceName), policy);
    }

    /// <summary>Loads YAML text into a bag that may already hold problems, and may map positions (a transcribed CSV file).</summary>
    internal static DirectoryLoadResult Load(string yaml, DiagnosticBag diagnostics, TelephonePolicy? policy)
    {
        if (YamlRootReader.ReadRoot(yaml, diagnostics, "directory", "areas, departments and people", "the directory must be a mapping of keys; expected areas, departments and people") is not { } root)
        {
            return new DirectoryLoadResult(null, diagnostics.ToImmutable());
        }

        var draft = new DirectoryParser(diagnostics).Parse(root);
        var file = new DirectoryChecker(draft, policy, diagnostics).Check();
        return new DirectoryLoadResult(diagnostics.HasErrors ? null : file, diagnostics.ToImmutable());
    }
}
