namespace Omstilling.Calls.Signalling;

/// <summary>
/// The caller a call records when the number is withheld: the From URI has no user part, or it is
/// RFC 3323's <c>anonymous</c> (<c>sip:anonymous@anonymous.invalid</c>, §4.1.1.3). Pure.
/// </summary>
public static class WithheldNumber
{
    /// <summary>What a call's caller reads when the From URI has no user part.</summary>
    public const string Caller = "anonymous";

    /// <summary>Whether <paramref name="caller"/> says nothing of who called (empty, or anonymous in any case).</summary>
    public static bool Is(string? caller) => string.IsNullOrWhiteSpace(caller) || caller.Equals(Caller, StringComparison.OrdinalIgnoreCase);
}
