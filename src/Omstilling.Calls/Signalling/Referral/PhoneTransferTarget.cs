namespace Omstilling.Calls.Signalling.Referral;

/// <summary>What a number a phone transfers to leads to.</summary>
internal enum PhoneTransferTargetKind
{
    /// <summary>A person's (or an operator's) phones: their extension, or their direct number.</summary>
    Person,

    /// <summary>The switchboard: the main number or the policy's pass-back code ("fejlopkald").</summary>
    Switchboard,

    /// <summary>A number of a department, which the policy routes (a queue, a menu, a group): not a phone's transfer yet.</summary>
    Department,

    /// <summary>A number outside the municipality: not allowed from a phone (toll fraud).</summary>
    External,

    /// <summary>Nothing we know.</summary>
    Unknown,
}

/// <summary>Where a phone's transfer leads, and the person's extension and name for <see cref="PhoneTransferTargetKind.Person"/>.</summary>
internal readonly record struct PhoneTransferTarget(PhoneTransferTargetKind Kind, string? Extension = null, string? Name = null);
