namespace Omstilling.Web.Staff;

/// <summary>
/// A page's watch on the absence and forwarding books: <paramref name="changed"/> is told the
/// person id of every change in either, until disposed (the staff pages redraw on it).
/// </summary>
public sealed class StaffBooksWatch : IDisposable
{
    private readonly WebPlatform _platform;
    private readonly Action<string> _changed;

    public StaffBooksWatch(WebPlatform platform, Action<string> changed)
    {
        _platform = platform ?? throw new ArgumentNullException(nameof(platform));
        _changed = changed ?? throw new ArgumentNullException(nameof(changed));
        _platform.Absences.Changed += _changed;
        if (_platform.Forwardings is { } book)
        {
            book.Changed += _changed;
        }
    }

    public void Dispose()
    {
        _platform.Absences.Changed -= _changed;
        if (_platform.Forwardings is { } book)
        {
            book.Changed -= _changed;
        }
    }
}
