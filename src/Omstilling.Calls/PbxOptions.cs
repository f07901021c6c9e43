using Omstilling.Sip.Auth;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls;

/// <summary>Settings of the whole call platform. Immutable.</summary>
public sealed record PbxOptions
{
    /// <summary>The digest realm of every account.</summary>
    public string Realm { get; init; } = "omstilling";

    /// <summary>How long a digest nonce is accepted before a silent stale=true re-challenge.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Digest algorithms offered in challenges, one header each, in order. MD5 alone by default:
    /// phones that predate RFC 8760 (baresip 1.0 among them) fail on a SHA-256 challenge instead of
    /// ignoring it. Offer SHA-256 where every phone understands it.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> DigestAlgorithms { get; init; } = [DigestAlgorithm.Md5];

    public CallOptions Calls { get; init; } = new();

    /// <summary>The prompt played to a party on hold (a recorded "musik" file replaces the bundled one).</summary>
    public string MusicOnHoldPrompt { get; init; } = "musik";

    public RegistrarOptions Registrar { get; init; } = new();

    /// <summary>The SIP trunk to the telephone network (see <see cref="Trunks.TrunkOptions"/>); null without one.</summary>
    public Trunks.TrunkOptions? Trunk { get; init; }

    /// <summary>Public numbers (eight digits, national) and the extension answering each, when no policy routes them.</summary>
    public IReadOnlyDictionary<string, string> PublicNumbers { get; init; } = new Dictionary<string, string>();
}
