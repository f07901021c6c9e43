namespace Omstilling.Yaml;

/// <summary>
/// Where something was written in a YAML file: 1-based line and column, as editors count. The
/// policy keeps one on every rule so that explanations and call events can point at the line that
/// decided. Immutable.
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
