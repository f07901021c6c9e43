namespace Omstilling.Calls.Signalling;

/// <summary>Whether <see cref="CallAdmission"/> let a new call in, and which limit refused it.</summary>
internal enum Admission
{
    Admitted,

    /// <summary>The calling account has <c>MaxCallsPerAccount</c> calls going: 403.</summary>
    TooManyForAccount,

    /// <summary>The source address has <c>MaxCallsPerAddress</c> calls going: 403.</summary>
    TooManyFromAddress,
}
