namespace Omstilling.Policy.Model;

/// <summary>
/// Where something was written in the policy file: 1-based line and column, as editors count.
/// Kept on every rule so that explanations and call events can point at the line that decided.
/// </summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
