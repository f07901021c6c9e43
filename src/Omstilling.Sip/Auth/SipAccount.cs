namespace Omstilling.Sip.Auth;

/// <summary>
/// A SIP account: a username and the HA1 hashes of its password for the realm; the password
/// itself is never stored. Immutable.
/// </summary>
public sealed record SipAccount(string Username, string Realm, string Ha1Md5, string Ha1Sha256)
{
    /// <summary>Makes an account from a password, keeping only its hashes.</summary>
    public static SipAccount FromPassword(string username, string realm, string password) =>
        new(username, realm, DigestAlgorithm.Md5.Ha1(username, realm, password), DigestAlgorithm.Sha256.Ha1(username, realm, password));

    public string Ha1(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Md5 ? Ha1Md5 : Ha1Sha256;
}
