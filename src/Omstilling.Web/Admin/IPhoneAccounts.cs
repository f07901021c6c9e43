namespace Omstilling.Web.Admin;

/// <summary>
/// The phones' SIP accounts (their digest credentials), as IT manages them on "Brugere og
/// telefoner" and with <c>omstilling phones</c>: one per extension, its password made by the
/// platform, shown once and kept only as HA1 hashes. A change takes effect on the running server
/// at once: a removed account's phones are unregistered. Thread-safe, also across processes (the
/// command line and the server change the same accounts).
/// </summary>
public interface IPhoneAccounts
{
    /// <summary>The accounts, by extension.</summary>
    IReadOnlyList<PhoneAccount> List();

    /// <summary>A new account for <paramref name="extension"/>, linked to <paramref name="personId"/> when given; its password is in the result.</summary>
    PhoneAccountResult Add(string extension, string? personId);

    /// <summary>A new password for the account; the old one no longer registers, and the phone's registrations end.</summary>
    PhoneAccountResult NewPassword(string extension);

    /// <summary>Removes the account; its phones' registrations end and they are refused from then on.</summary>
    PhoneAccountChange Remove(string extension);
}
