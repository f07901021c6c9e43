namespace Omstilling.Fuzzing.Engine;

/// <summary>
/// The code under test returned or threw something its contract forbids (a rejection pointing
/// outside the input, output that does not parse again, a diagnostic without a position).
/// Reported as a crash like any unexpected exception.
/// </summary>
public sealed class OracleViolationException : Exception
{
    public OracleViolationException(string message)
        : base(message)
    {
    }

    public OracleViolationException()
    {
    }

    public OracleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new OracleViolationException(message);
        }
    }
}
