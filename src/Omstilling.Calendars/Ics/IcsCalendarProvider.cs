using System.Net;
using System.Net.Http.Headers;
using Ical.Net;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars.Ics;

/// <summary>
/// Reads iCalendar (RFC 5545) files and http(s) feeds with Ical.Net. A source is parsed again only
/// when it changed: a file by its time and length, a feed by HTTP validators (ETag,
/// Last-Modified → 304). Recurring events are expanded over the window asked for, in their own
/// time zones; floating times are the person's local time (<paramref name="zone"/>). Thread-safe:
/// each source is read by one caller at a time.
/// </summary>
public sealed class IcsCalendarProvider(HttpClient http, TimeZoneInfo zone) : ICalendarProvider
{
    /// <summary>
    /// The largest file or feed read. A calendar of a few years is well under 1 MB; the limit stops
    /// a misconfigured URL (a video, a log) from taking the server's memory.
    /// </summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));
    private readonly TimeZoneInfo _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IcsCache> _cache = new(StringComparer.Ordinal);

    public string Name => "ics";

    /// <summary>How many times a source has been parsed (tests: a 304 must not parse again).</summary>
    internal int Parses => Volatile.Read(ref _parses);

    private int _parses;

    public bool Reads(CalendarSource source) => source?.Ics is not null;

    public async Task<CalendarFetch> FetchAsync(CalendarSource source, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var location = source.Ics ?? throw new ArgumentException("The source names no iCalendar file or URL.", nameof(source));
        IcsCache cache;
        lock (_gate)
        {
            if (!_cache.TryGetValue(location, out cache!))
            {
                cache = new IcsCache();
                _cache[location] = cache;
            }
        }

        await cache.Gate.WaitAsync(cancellationToken);
        try
        {
            var unchanged = source.IcsIsUrl
                ? await ReadUrlAsync(location, cache, cancellationToken)
                : await ReadFileAsync(location, cache, cancellationToken);
            var items = IcsExpansion.Busy(cache.Calendar!, windowStart, windowEnd, _zone);
            return new CalendarFetch(items, null, unchanged);
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    /// <summary>Reads the file if its time or length changed; true when the cached parse was kept.</summary>
    private async Task<bool> ReadFileAsync(string path, IcsCache cache, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The calendar file {path} does not exist.", path);
        }

        var validator = $"{file.LastWriteTimeUtc.Ticks}/{file.Length}";
        if (cache.Calendar is not null && cache.Validator == validator)
        {
            return true;
        }

        if (file.Length > MaxBytes)
        {
            throw new InvalidDataException($"The calendar file {path} is {file.Length} bytes; at most {MaxBytes} are read.");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        cache.Store(Parse(text, path), validator, null, null);
        return false;
    }

    /// <summary>Fetches the feed with the validators of the last read; true on 304 (the cached parse kept).</summary>
    private async Task<bool> ReadUrlAsync(string url, IcsCache cache, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/calendar"));
        if (cache.Calendar is not null)
        {
            if (cache.ETag is { } etag)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            if (cache.LastModified is { } modified)
            {
                request.Headers.IfModifiedSince = modified;
            }
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && cache.Calendar is not null)
        {
            return true;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The calendar {Redacted(url)} answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            throw new InvalidDataException($"The calendar {Redacted(url)} is {response.Content.Headers.ContentLength} bytes; at most {MaxBytes} are read.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (limited.Length + read > MaxBytes)
            {
                throw new InvalidDataException($"The calendar {Redacted(url)} is longer than {MaxBytes} bytes.");
            }

            limited.Write(buffer, 0, read);
        }

        var text = System.Text.Encoding.UTF8.GetString(limited.GetBuffer(), 0, (int)limited.Length);
        cache.Store(Parse(text, Redacted(url)), null, response.Headers.ETag, response.Content.Headers.LastModified);
        return false;
    }

    private Calendar Parse(string text, string where)
    {
        Interlocked.Increment(ref _parses);
        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(text);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new InvalidDataException($"{where} is not a valid iCalendar file ({e.GetType().Name})", e);
        }

        return calendar ?? throw new InvalidDataException($"{where} holds no VCALENDAR.");
    }

    /// <summary>The URL without its query: a feed's secret token is often in the query, and logs must not carry it.</summary>
    internal static string Redacted(string url) => url.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? url[..at] + "?…" : url;

    /// <summary>One source's last parse and validators; <see cref="Gate"/> lets one caller read it at a time.</summary>
    private sealed class IcsCache
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Calendar? Calendar { get; private set; }

        public string? Validator { get; private set; }

        public EntityTagHeaderValue? ETag { get; private set; }

        public DateTimeOffset? LastModified { get; private set; }

        public void Store(Calendar calendar, string? validator, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
        {
            Calendar = calendar;
            Validator = validator;
            ETag = etag;
            LastModified = lastModified;
        }
    }
}
