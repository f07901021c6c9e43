namespace Omstilling.Policy.Model;

/// <summary>
/// How long a phone rings before the no-answer rule applies, in rings of a cadence. The Danish
/// cadence is 1 s tone and 4 s pause, 5 s a ring, so "answered within 4 rings" means before
/// the fifth ring starts: 20 s.
/// </summary>
public readonly record struct RingLimit(int Rings, TimeSpan Cadence)
{
    public static readonly TimeSpan DanishCadence = TimeSpan.FromSeconds(5);

    public TimeSpan Duration => Cadence * Rings;
}
