using Omstilling.Policy.Model;

namespace Omstilling.Policy.Loading;

/// <summary>
/// One finding in a policy file, printed as <c>file:line:column: error: what is wrong; what is expected</c>
/// (the form compilers use, so editors can jump to it).
/// </summary>
public sealed record PolicyDiagnostic(DiagnosticSeverity Severity, SourceLocation Location, string Message)
{
    public override string ToString() =>
        $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
