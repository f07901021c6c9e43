namespace Omstilling.Media.Clock;

/// <summary>A media clock that ticks when a test says so. Thread-safe.</summary>
public sealed class ManualMediaClock : IMediaClock
{
    private readonly Lock _lock = new();
    private readonly List<IMediaTicker> _tickers = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _tickers.Count;
            }
        }
    }

    public void Add(IMediaTicker ticker)
    {
        lock (_lock)
        {
            if (!_tickers.Contains(ticker))
            {
                _tickers.Add(ticker);
            }
        }
    }

    public void Remove(IMediaTicker ticker)
    {
        lock (_lock)
        {
            _tickers.Remove(ticker);
        }
    }

    /// <summary>Ticks every registered sender <paramref name="times"/> times (20 ms of media each).</summary>
    public void Tick(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            IMediaTicker[] snapshot;
            lock (_lock)
            {
                snapshot = [.. _tickers];
            }

            foreach (var ticker in snapshot)
            {
                ticker.OnTick();
            }
        }
    }
}
