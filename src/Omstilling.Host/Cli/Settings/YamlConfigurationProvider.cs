using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Omstilling.Host.Cli.Settings;

/// <summary>
/// Reads a YAML file into configuration keys: nested mappings become <c>Section:Key</c>, a sequence's
/// items <c>Key:0</c>, <c>Key:1</c>. Remembers where each value stands, so a bad value is reported as
/// <c>file:line:column</c>. Loaded once (no reload); not thread-safe while loading.
/// </summary>
internal sealed class YamlConfigurationProvider(string path) : ConfigurationProvider
{
    private readonly Dictionary<string, Mark> _positions = new(StringComparer.OrdinalIgnoreCase);

    public string Path { get; } = path;

    /// <summary>"file:line:column" of the value of <paramref name="key"/> (or of the first item of a list), else the file.</summary>
    public string Where(string key) =>
        _positions.TryGetValue(key, out var mark) || _positions.TryGetValue(key + ":0", out mark)
            ? $"{Path}:{mark.Line}:{mark.Column}"
            : Path;

    public override void Load()
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(Path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new UsageException($"{Path}:{e.Start.Line}:{e.Start.Column}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"the configuration file {Path} cannot be read: {e.Message}");
        }

        Data.Clear();
        _positions.Clear();
        if (stream.Documents.Count == 0)
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var start = stream.Documents[0].RootNode.Start;
            throw new UsageException($"{Path}:{start.Line}:{start.Column}: expected sections of settings (Sip:, Web:, ...)");
        }

        Add(root, prefix: null);
    }

    private void Add(YamlNode node, string? prefix)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode { Value: { Length: > 0 } text }
                        ? text
                        : throw new UsageException($"{Path}:{key.Start.Line}:{key.Start.Column}: expected a key");
                    Add(value, prefix is null ? name : $"{prefix}:{name}");
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Add(sequence.Children[i], $"{prefix}:{i}");
                }

                break;
            case YamlScalarNode scalar when prefix is not null:
                Data[prefix] = scalar.Value ?? "";
                _positions[prefix] = scalar.Start;
                break;
            default:
                throw new UsageException($"{Path}:{node.Start.Line}:{node.Start.Column}: expected a value, a list or a section");
        }
    }
}
