namespace Omstilling.Media.Srtp;

/// <summary>
/// The replay list of RFC 3711 §3.3.2: the highest index authenticated so far and a 64-packet
/// window of those just below it. An index above the window's top is new, one below the window
/// too old, one inside it new only if not yet seen. Checked before authentication, updated only
/// after it succeeds, so a forged packet cannot move the window. Not thread-safe (one receive
/// thread at a time).
/// </summary>
internal sealed class SrtpReplayWindow
{
    /// <summary>Packets remembered below the highest (the minimum of §3.3.2 is 64).</summary>
    public const int Size = 64;

    private ulong _highest;
    private ulong _seen; // bit i: highest - i was received
    private bool _any;

    /// <summary>Whether <paramref name="index"/> may be accepted: not seen and not older than the window.</summary>
    public bool IsFresh(ulong index)
    {
        if (!_any || index > _highest)
        {
            return true;
        }

        var behind = _highest - index;
        return behind < Size && (_seen & (1UL << (int)behind)) == 0;
    }

    /// <summary>Records an authenticated <paramref name="index"/>.</summary>
    public void Accept(ulong index)
    {
        if (!_any)
        {
            _any = true;
            _highest = index;
            _seen = 1;
            return;
        }

        if (index > _highest)
        {
            var ahead = index - _highest;
            _seen = ahead >= Size ? 1 : (_seen << (int)ahead) | 1;
            _highest = index;
            return;
        }

        var behind = _highest - index;
        if (behind < Size)
        {
            _seen |= 1UL << (int)behind;
        }
    }

    /// <summary>Forgets everything: a new source starts its own list.</summary>
    public void Reset()
    {
        _any = false;
        _highest = 0;
        _seen = 0;
    }
}
