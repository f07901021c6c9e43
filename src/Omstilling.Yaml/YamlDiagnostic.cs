namespace Omstilling.Yaml;

/// <summary>
/// One finding in a YAML file of ours (the policy, the staff directory), printed as
/// <c>file:line:column: error: what is wrong; what is expected</c> (the form compilers use, so
/// editors can jump to it). Immutable.
/// </summary>
public sealed record YamlDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    /// <summary>
    /// The problem in Danish for staff who change one field on a web page (a department head
    /// editing their people), without a file or line; null where only IT can meet the rule. The
    /// <see cref="Message"/> stays English for the CLI, the logs and IT's import page.
    /// </summary>
    public string? Danish { get; init; }

    public override string ToString() => $"{Location}: {Word(Severity)}: {Message}";

    private static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a diagnostic severity"),
    };
}
