namespace Omstilling.Sip.Registrar;

/// <summary>Registration intervals (RFC 3261 §10.3 step 7). Immutable.</summary>
public sealed record RegistrarOptions
{
    /// <summary>Used when the REGISTER asks for no interval.</summary>
    public TimeSpan DefaultExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Longer requests are shortened to this.</summary>
    public TimeSpan MaxExpiry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Shorter (non-zero) requests get 423 Interval Too Brief with Min-Expires.</summary>
    public TimeSpan MinExpiry { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Contacts one account may hold at once (desk phone, softphone, mobile app...).</summary>
    public int MaxContactsPerAor { get; init; } = 10;
}
