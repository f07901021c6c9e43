using Omstilling.Yaml;

namespace Omstilling.Policy.Model;

/// <summary>
/// Something a caller hears, by name, with its Danish text: the media layer synthesises the
/// text (espeak-ng) and explain quotes it.
/// </summary>
public sealed record Prompt(string Name, string Text, SourceLocation Source);
