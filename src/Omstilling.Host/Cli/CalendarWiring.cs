using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Omstilling.Calendars;
using Omstilling.Calendars.Graph;
using Omstilling.Calendars.Ics;
using Omstilling.Directory.Live;
using Omstilling.Policy;
using Omstilling.Web.Cards;

namespace Omstilling.Host.Cli;

/// <summary>
/// The calendars as <c>run</c> uses them (docs/calendars.md): the iCalendar provider always, the
/// Microsoft Graph provider when its credentials are in the environment, the poller that codes
/// absences, and the availability source for the operator's card. Start after the absence book
/// is restored; dispose at stop (the poller first).
/// </summary>
internal sealed class CalendarWiring : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly GraphCalendarProvider? _graph;
    private readonly ClientSecretTokenSource? _tokens;
    private readonly CalendarPoller _poller;

    private CalendarWiring(HttpClient http, GraphCalendarProvider? graph, ClientSecretTokenSource? tokens, CalendarPoller poller, IAvailabilitySource availability)
    {
        _http = http;
        _graph = graph;
        _tokens = tokens;
        _poller = poller;
        Availability = availability;
    }

    /// <summary>Next free time and the calendar's reason, for <see cref="CompositeAvailability"/>.</summary>
    public IAvailabilitySource Availability { get; }

    /// <summary>The wiring from the environment's variables; false with the reason when they are set wrongly.</summary>
    public static bool TryCreate(
        DirectoryHolder directory,
        PolicyProvider policy,
        AbsenceBook absences,
        TimeProvider time,
        ILoggerFactory loggers,
        [NotNullWhen(true)] out CalendarWiring? wiring,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            wiring = Create(directory, policy, absences, time, loggers, Environment.GetEnvironmentVariable);
            error = null;
            return true;
        }
        catch (InvalidOperationException e)
        {
            wiring = null;
            error = e.Message;
            return false;
        }
    }

    /// <exception cref="InvalidOperationException">The Graph or polling variables are set wrongly (the message says which).</exception>
    internal static CalendarWiring Create(DirectoryHolder directory, PolicyProvider policy, AbsenceBook absences, TimeProvider time, ILoggerFactory loggers, Func<string, string?> environment)
    {
        var options = CalendarOptions.From(environment);
        var graphOptions = GraphOptions.From(environment);
        var logger = loggers.CreateLogger<CalendarPoller>();
        var zone = policy.Current.TimeZone;
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var tokens = graphOptions is null ? null : new ClientSecretTokenSource(graphOptions, time);
        var graph = graphOptions is null ? null : new GraphCalendarProvider(graphOptions, tokens!, time, loggers.CreateLogger<GraphCalendarProvider>());
        List<ICalendarProvider> providers = [new IcsCalendarProvider(http, zone)];
        if (graph is not null)
        {
            providers.Add(graph);
        }

        var book = new CalendarBook();
        var poller = new CalendarPoller(() => directory.Current.People.Values, providers, book, new CalendarAbsence(absences, time), options, zone, time, logger);
        var availability = new CalendarAvailability(book, new WorkingHours(() => policy.Current, zone), zone);
        return new CalendarWiring(http, graph, tokens, poller, availability);
    }

    public void Start() => _poller.Start();

    public async ValueTask DisposeAsync()
    {
        await _poller.DisposeAsync();
        _graph?.Dispose();
        _tokens?.Dispose();
        _http.Dispose();
    }
}
