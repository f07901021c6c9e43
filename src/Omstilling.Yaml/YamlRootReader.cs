using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Yaml;

/// <summary>
/// Reads one YAML document whose root is a mapping, turning every way that can fail into a
/// diagnostic with line and column. Shared by the policy and the staff directory loaders.
/// </summary>
public static class YamlRootReader
{
    /// <summary>
    /// How deep mappings and lists may nest, aliases followed: a policy needs about ten levels (an
    /// option's action and its 'then'); the limit keeps every recursive walk far from the stack's end.
    /// </summary>
    private const int MaxDepth = 64;

    /// <param name="kind">One word for the file's content ("policy", "directory").</param>
    /// <param name="whenEmpty">What an empty file should have held ("a policy (organisation, ...)").</param>
    /// <param name="whenNotMapping">The message for a root that is not a mapping.</param>
    public static YamlMappingNode? ReadRoot(string yaml, DiagnosticBag diagnostics, string kind, string whenEmpty, string whenNotMapping)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (YamlText.FirstControlCharacter(yaml) is { } control)
        {
            diagnostics.Error(diagnostics.At(control.Mark), $"YAML syntax: {control.Name}; expected text (YAML allows no control characters but tab and line breaks)");
            return null;
        }

        var scanner = new Scanner(new StringReader(yaml));
        var parser = new GuardingParser(new Parser(scanner), MaxDepth);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
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
        catch (ArgumentException)
        {
            // YamlDotNet 18 scans some misplaced keys (": :" at the start of a nested line) into an
            // event its tree builder does not take ("the current event is of an unsupported type").
            diagnostics.Error(diagnostics.At(parser.Current?.Start ?? scanner.CurrentPosition), "YAML syntax: a key or value cannot be read here; expected 'key: value' at the indentation of its mapping");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Error(new SourceLocation(diagnostics.File, 1, 1), $"the file is empty; expected {whenEmpty}");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(stream.Documents[1].RootNode, $"a second YAML document ('---'); expected one {kind} per file");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(stream.Documents[0].RootNode, whenNotMapping);
            return null;
        }

        if (YamlShape.FindProblem(root, MaxDepth) is { } problem)
        {
            diagnostics.Error(problem.Node, problem.Cycle
                ? "YAML: this value contains an alias to itself (a '*' inside the value its '&' names); expected a value that does not contain itself"
                : $"YAML: values nested more than {MaxDepth} deep through aliases; expected the few levels the file's format has");
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
