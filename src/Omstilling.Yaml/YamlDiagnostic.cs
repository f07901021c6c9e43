namespace Omstilling.Yaml;

/// <summary>
/// One finding in a YAML file of ours (the policy, the staff directory), printed as
/// <c>file:line:column: error: what is wrong; what is expected</c> (the form compilers use, so
/// editors can jump to it). Immutable.
/// </summary>
public sealed record YamlDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Word(Severity)}: {Message}";

    private static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a diagnostic severity"),
    };
}
