using Microsoft.Extensions.Logging;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars;

/// <summary>
/// Reads every person's calendar sources on a schedule (<see cref="CalendarOptions.PollInterval"/>;
/// after a failure 1, 2, 4 … minutes up to <see cref="CalendarOptions.MaxBackoff"/>, keeping what
/// was read before), keeps them in the <see cref="CalendarBook"/> and brings absence codings in line
/// (<see cref="CalendarAbsence"/>) each round and whenever a calendar item starts or ends. One loop
/// on the injected <see cref="TimeProvider"/>, started by <see cref="Start"/> and stopped by
/// <see cref="DisposeAsync"/>; the people are asked for each round, so a reloaded directory is
/// followed. Rounds never overlap; state is touched by one round at a time.
/// </summary>
public sealed class CalendarPoller : IAsyncDisposable
{
    /// <summary>The loop wakes at least this often (a new day, a manual coding cleared, a reloaded directory).</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(1);

    private readonly Func<IEnumerable<Person>> _people;
    private readonly IReadOnlyList<ICalendarProvider> _providers;
    private readonly CalendarBook _book;
    private readonly CalendarAbsence _absence;
    private readonly CalendarOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string PersonId, string Provider), SourceState> _states = [];
    private readonly HashSet<string> _warnedNoProvider = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public CalendarPoller(
        Func<IEnumerable<Person>> people,
        IEnumerable<ICalendarProvider> providers,
        CalendarBook book,
        CalendarAbsence absence,
        CalendarOptions options,
        TimeZoneInfo zone,
        TimeProvider time,
        ILogger logger)
    {
        _people = people ?? throw new ArgumentNullException(nameof(people));
        _providers = [.. providers ?? throw new ArgumentNullException(nameof(providers))];
        _book = book ?? throw new ArgumentNullException(nameof(book));
        _absence = absence ?? throw new ArgumentNullException(nameof(absence));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Starts the loop (once).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_loop is not null)
            {
                throw new InvalidOperationException("The calendar poller has already been started.");
            }

            CalendarLog.Polling(_logger, _people().Count(p => p.Calendar is not null), _options.PollInterval);
            _loop = Task.Run(() => RunAsync(_stop.Token));
        }
    }

    /// <summary>When a failing source is tried next (tests and diagnostics); null when it is not known.</summary>
    internal (DateTimeOffset NextDue, int Failures)? StateOf(string personId, string provider)
    {
        lock (_gate)
        {
            return _states.TryGetValue((personId, provider), out var state) ? (state.NextDue, state.Failures) : null;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            DateTimeOffset wake;
            try
            {
                wake = await PollAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives any one round's failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                CalendarLog.PollFailed(_logger, e);
                wake = _time.GetUtcNow() + MaxSleep;
            }

            var wait = wake - _time.GetUtcNow();
            wait = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > MaxSleep ? MaxSleep : wait;
            try
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: reads the sources that are due, then codes absences; returns when the next round is wanted.</summary>
    internal async Task<DateTimeOffset> PollAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var people = _people().Where(p => p.Calendar is not null).ToList();
        var due = Plan(people, now);
        var today = TimeZoneInfo.ConvertTime(now, _zone).Date;
        var windowStart = Policy.Schedule.LocalTimeResolver.Resolve(today, _zone).Instant;
        var windowEnd = Policy.Schedule.LocalTimeResolver.Resolve(today.AddDays(_options.DaysAhead), _zone).Instant;
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (read, token) => await ReadAsync(read.PersonId, read.Provider, read.State, windowStart, windowEnd, token));

        var next = now + _options.PollInterval;
        foreach (var person in people)
        {
            var calendar = _book.Get(person.Id);
            _absence.Apply(person.Id, calendar);
            if (calendar?.NextChangeAfter(_time.GetUtcNow()) is { } change && change < next)
            {
                next = change;
            }
        }

        lock (_gate)
        {
            foreach (var state in _states.Values)
            {
                if (state.NextDue < next)
                {
                    next = state.NextDue;
                }
            }
        }

        return next;
    }

    /// <summary>Matches sources to providers (forgetting people and sources that are gone) and picks those due.</summary>
    private List<(string PersonId, ICalendarProvider Provider, SourceState State)> Plan(List<Person> people, DateTimeOffset now)
    {
        var due = new List<(string, ICalendarProvider, SourceState)>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var gone = new List<string>();
        lock (_gate)
        {
            var wanted = new HashSet<(string, string)>();
            foreach (var person in people)
            {
                var source = person.Calendar!;
                var readers = _providers.Where(p => p.Reads(source)).ToList();
                if (source.Microsoft365 is not null && !readers.Exists(p => p.Name == "microsoft365") && _warnedNoProvider.Add(person.Id))
                {
                    CalendarLog.NoGraph(_logger, person.Id);
                }

                foreach (var provider in readers)
                {
                    var key = (person.Id, provider.Name);
                    wanted.Add(key);
                    if (!_states.TryGetValue(key, out var state) || state.Source != source)
                    {
                        state = new SourceState(source, now);
                        _states[key] = state;
                    }

                    kept.Add(person.Id);
                    if (state.NextDue <= now)
                    {
                        due.Add((person.Id, provider, state));
                    }
                }
            }

            foreach (var key in _states.Keys.Where(k => !wanted.Contains(k)).ToList())
            {
                _states.Remove(key);
            }

            gone.AddRange(_book.People.Where(id => !kept.Contains(id)));
            _book.Retain(kept);
        }

        // A person whose calendar was taken away keeps no coding from it.
        foreach (var id in gone)
        {
            _absence.Apply(id, null);
        }

        return due;
    }

    private async Task ReadAsync(string personId, ICalendarProvider provider, SourceState state, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        try
        {
            var fetch = await provider.FetchAsync(state.Source, windowStart, windowEnd, cancellationToken);
            _book.Put(personId, provider.Name, fetch);
            int failures;
            lock (_gate)
            {
                failures = state.Failures;
                state.Failures = 0;
                state.NextDue = _time.GetUtcNow() + _options.PollInterval;
            }

            if (failures > 0)
            {
                CalendarLog.FetchRecovered(_logger, provider.Name, personId, failures);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the message: it is ours or the transport's, never the calendar's content.
            int failures;
            DateTimeOffset next;
            lock (_gate)
            {
                failures = ++state.Failures;
                next = _time.GetUtcNow() + _options.Backoff(failures);
                state.NextDue = next;
            }

            CalendarLog.FetchFailed(_logger, provider.Name, personId, failures, e.Message, next.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)); // ISO 8601, whatever the culture
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
        }

        await _stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        _stop.Dispose();
    }

    /// <summary>One person's source with one provider: when it is read next and how many reads failed in a row. Guarded by the poller's lock.</summary>
    private sealed class SourceState(CalendarSource source, DateTimeOffset nextDue)
    {
        public CalendarSource Source { get; } = source;

        public DateTimeOffset NextDue { get; set; } = nextDue;

        public int Failures { get; set; }
    }
}
