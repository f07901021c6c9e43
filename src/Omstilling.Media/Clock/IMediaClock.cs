namespace Omstilling.Media.Clock;

/// <summary>The shared 20 ms media clock: every sender is ticked by it, none has a timer or thread of its own.</summary>
public interface IMediaClock
{
    void Add(IMediaTicker ticker);

    void Remove(IMediaTicker ticker);

    /// <summary>Tickers registered now.</summary>
    int Count { get; }
}
