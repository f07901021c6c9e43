using Omstilling.Media.Srtp;
using Omstilling.Sip.Auth;

namespace Omstilling.Host.Accounts;

/// <summary>
/// One line of <c>accounts.json</c>: a phone's SIP account as <see cref="SipAccount"/> has it
/// (username, realm, the HA1 hashes), and the directory person it is linked to, if any. Files
/// written before the link existed read as unlinked. <see cref="Srtp"/> is the account's media
/// encryption (<c>"srtp": "off" | "optional" | "required"</c>, optional when absent). Immutable.
/// </summary>
internal sealed record StoredAccount(string Username, string Realm, string Ha1Md5, string Ha1Sha256)
{
    public string? PersonId { get; init; }

    /// <summary>The account's SRTP policy as written in the file: "off", "optional" or "required"; null for the default (optional).</summary>
    public string? Srtp { get; init; }

    /// <summary>The SRTP policy; an unknown word is an <see cref="InvalidDataException"/> that names the account and the words allowed.</summary>
    public SrtpPolicy SrtpPolicy() => Srtp switch
    {
        null or "optional" => Omstilling.Media.Srtp.SrtpPolicy.Optional,
        "off" => Omstilling.Media.Srtp.SrtpPolicy.Off,
        "required" => Omstilling.Media.Srtp.SrtpPolicy.Required,
        _ => throw new InvalidDataException($"account {Username}: \"srtp\" must be \"off\", \"optional\" or \"required\", not \"{Srtp}\""),
    };

    public static StoredAccount From(SipAccount account, string? personId) =>
        new(account.Username, account.Realm, account.Ha1Md5, account.Ha1Sha256) { PersonId = personId };

    public SipAccount ToSipAccount() => new(Username, Realm, Ha1Md5, Ha1Sha256);
}
