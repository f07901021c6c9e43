using Omstilling.Sip.Registrar;

namespace Omstilling.Calls;

/// <summary>Settings of the whole call platform. Immutable.</summary>
public sealed record PbxOptions
{
    /// <summary>The digest realm of every account.</summary>
    public string Realm { get; init; } = "omstilling";

    /// <summary>How long a digest nonce is accepted before a silent stale=true re-challenge.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(2);

    public CallOptions Calls { get; init; } = new();

    public RegistrarOptions Registrar { get; init; } = new();

    /// <summary>Public numbers (eight digits, national) and the extension answering each.</summary>
    public IReadOnlyDictionary<string, string> PublicNumbers { get; init; } = new Dictionary<string, string>();
}
