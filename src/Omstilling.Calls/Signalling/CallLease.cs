using System.Net;

namespace Omstilling.Calls.Signalling;

/// <summary>What <see cref="CallAdmission"/> counted for one call: its account and its source address, each null when not counted. Immutable.</summary>
internal readonly record struct CallLease(string? Account, IPAddress? Address)
{
    public bool IsEmpty => Account is null && Address is null;
}
