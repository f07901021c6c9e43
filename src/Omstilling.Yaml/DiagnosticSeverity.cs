namespace Omstilling.Yaml;

/// <summary>How bad a finding in a YAML file is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The file cannot be used; it is rejected (the one in use stays).</summary>
    Error = 0,
    /// <summary>Legal but suspicious (a menu option never offered); the file is used.</summary>
    Warning = 1,
}
