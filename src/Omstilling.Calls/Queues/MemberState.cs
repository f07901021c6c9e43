namespace Omstilling.Calls.Queues;

/// <summary>A queue member (a switchboard operator) as the console shows them. Immutable.</summary>
/// <param name="Registered">A phone of theirs is registered.</param>
/// <param name="LoggedIn">Not logged out on the console (callers reach them while their phone is registered).</param>
/// <param name="PausedReason">Why they are paused, or null.</param>
public sealed record MemberState(string Extension, bool Registered, bool LoggedIn, string? PausedReason, PhoneState Phone)
{
    /// <summary>Takes callers now: registered, logged in and not paused (they may still be in a call).</summary>
    public bool Available => Registered && LoggedIn && PausedReason is null;
}
