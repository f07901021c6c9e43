using System.Collections.Immutable;
using Omstilling.Policy.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

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
            var diagnostic = new PolicyDiagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 1, 1), $"cannot read the policy file: {e.Message}");
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
        if (ReadYaml(yaml, diagnostics) is not { } root)
        {
            return new PolicyLoadResult(null, diagnostics.ToImmutable());
        }

        var draft = new PolicyParser(diagnostics).Parse(root);
        var policy = new PolicyBuilder(draft, diagnostics).Build();
        return new PolicyLoadResult(diagnostics.HasErrors ? null : policy, diagnostics.ToImmutable());
    }

    private static YamlMappingNode? ReadYaml(string yaml, DiagnosticBag diagnostics)
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
            // YamlDotNet 18 fails this way on an unclosed flow collection ("[1, 2" or "{a: 1")
            // instead of raising a YamlException; the scanner's position is where it gave up.
            diagnostics.Error(diagnostics.At(scanner.CurrentPosition), "YAML syntax: a list '[' or mapping '{' is not closed; expected ']' or '}' before this line");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(new SourceLocation(diagnostics.File, 1, 1), "the file is empty; expected a policy (organisation, time-zone, switchboard, ...)");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(stream.Documents[1].RootNode, "a second YAML document ('---'); expected one policy per file");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(stream.Documents[0].RootNode, "the policy must be a mapping of keys (organisation, time-zone, switchboard, ...)");
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
