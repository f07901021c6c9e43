namespace Omstilling.Policy.Loading;

/// <summary>How bad a finding in a policy file is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The policy cannot be used; the file is rejected.</summary>
    Error = 0,
    /// <summary>Legal but suspicious (an option never offered); the policy is used.</summary>
    Warning = 1,
}
