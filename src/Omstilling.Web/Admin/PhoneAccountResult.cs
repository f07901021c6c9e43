namespace Omstilling.Web.Admin;

/// <summary>
/// What adding an account or giving it a new password came to: <see cref="Password"/> is the new
/// SIP password when <see cref="Change"/> is done, to be shown this once (it is kept nowhere),
/// else null. Immutable.
/// </summary>
public sealed record PhoneAccountResult(PhoneAccountChange Change, string? Password)
{
    public static PhoneAccountResult Refused(PhoneAccountChange change) => new(change, null);
}
