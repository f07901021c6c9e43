using Omstilling.Policy;
using Omstilling.Policy.Loading;
using Omstilling.Policy.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
            var diagnostic = new PolicyDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), $"cannot read the directory file: {e.Message}");
            return new DirectoryLoadResult(null, [diagnostic]);
        }

        return Load(text, path, policy);
    }

    /// <summary>Loads YAML text; <paramref name="sourceName"/> is what diagnostics name.</summary>
    public static DirectoryLoadResult Load(string yaml, string sourceName, TelephonePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var diagnostics = new DirectoryDiagnostics(sourceName);
        if (ReadYaml(yaml, diagnostics) is not { } root)
        {
            return new DirectoryLoadResult(null, diagnostics.ToImmutable());
        }

        var draft = new DirectoryParser(diagnostics).Parse(root);
        var file = new DirectoryChecker(draft, policy, diagnostics).Check();
        return new DirectoryLoadResult(diagnostics.HasErrors ? null : file, diagnostics.ToImmutable());
    }

    private static YamlMappingNode? ReadYaml(string yaml, DirectoryDiagnostics diagnostics)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            diagnostics.Error(diagnostics.At(e.Start), $"YAML syntax: {SyntaxMessage(e)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 fails this way on an unclosed flow collection ("[pas, kørekort")
            // instead of raising a YamlException; the scanner's position is where it gave up.
            diagnostics.Error(diagnostics.At(scanner.CurrentPosition), "YAML syntax: a list '[' or mapping '{' is not closed; expected ']' or '}' before this line");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(new SourceLocation(diagnostics.File, 1, 1), "the file is empty; expected areas, departments and people");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(stream.Documents[1].RootNode, "a second YAML document ('---'); expected one directory per file");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(stream.Documents[0].RootNode, "the directory must be a mapping of keys; expected areas, departments and people");
            return null;
        }

        return root;
    }

    /// <summary>YamlDotNet's message without its own "(Line: 3, Col: 5, ...)" position, which we print in front.</summary>
    private static string SyntaxMessage(YamlException e)
    {
        var message = e.Message;
        var position = message.IndexOf("(Line:", StringComparison.Ordinal);
        if (position >= 0 && message.IndexOf("): ", position, StringComparison.Ordinal) is var end and >= 0)
        {
            message = message[(end + 3)..];
        }

        return message.Trim();
    }
}
