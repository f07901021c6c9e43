using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Omstilling.Directory.Model;

namespace Omstilling.Calendars.Graph;

/// <summary>
/// Microsoft 365 through Graph with the Microsoft.Graph SDK, app-only: free/busy from
/// <c>POST /users/{id}/calendar/getSchedule</c> (following <c>@odata.nextLink</c>), out of office
/// from <c>GET /users/{id}/mailboxSettings/automaticRepliesSetting</c>. The SDK gets a plain
/// HttpClient whose handlers are ours: the bearer token with one renewal on
/// <c>InvalidAuthenticationToken</c> (<see cref="GraphAuthHandler"/>), and throttling waited out on
/// the injected clock (<see cref="GraphRetryHandler"/>). Needs the application permissions
/// Calendars.Read (or Calendars.ReadBasic) and MailboxSettings.Read. Thread-safe.
/// </summary>
public sealed class GraphCalendarProvider : ICalendarProvider, IDisposable
{
    /// <summary>getSchedule pages followed at most: a server that keeps linking cannot hold the poller.</summary>
    public const int MaxPages = 20;

    private const string RepliesTemplate = "{+baseurl}/users/{user%2Did}/mailboxSettings/automaticRepliesSetting";

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly HttpClient _http;
    private readonly GraphServiceClient _client;

    /// <param name="network">The handler that reaches the network; a default one when null.</param>
    public GraphCalendarProvider(GraphOptions options, IGraphTokenSource tokens, TimeProvider time, ILogger logger, HttpMessageHandler? network = null)
    {
        (_http, _client) = GraphClients.Create(options, tokens, time, logger, network);
    }

    public string Name => "microsoft365";

    public bool Reads(CalendarSource source) => source?.Microsoft365 is not null;

    public async Task<CalendarFetch> FetchAsync(CalendarSource source, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var mailbox = source.Microsoft365 ?? throw new ArgumentException("The source names no Microsoft 365 mailbox.", nameof(source));
        var items = await ScheduleAsync(mailbox, windowStart, windowEnd, cancellationToken);
        var reply = await ReplyAsync(mailbox, cancellationToken);
        return new CalendarFetch(items, reply, false);
    }

    private async Task<List<CalendarItem>> ScheduleAsync(string mailbox, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        var body = new GetSchedulePostRequestBody
        {
            Schedules = [mailbox],
            StartTime = GraphTime.Utc(windowStart),
            EndTime = GraphTime.Utc(windowEnd),
            AvailabilityViewInterval = 30,
        };
        var builder = _client.Users[mailbox].Calendar.GetSchedule;
        var items = new List<CalendarItem>();
        for (var page = 1; ; page++)
        {
            var response = await builder.PostAsGetSchedulePostResponseAsync(body, r => r.Headers.Add("Prefer", "outlook.timezone=\"UTC\""), cancellationToken);
            foreach (var schedule in response?.Value ?? [])
            {
                if (schedule.Error is { } error)
                {
                    throw new InvalidOperationException($"Graph could not give the schedule of {mailbox}: {error.ResponseCode} {error.Message}");
                }

                items.AddRange((schedule.ScheduleItems ?? []).Select(Item).OfType<CalendarItem>());
            }

            if (response?.OdataNextLink is not { Length: > 0 } next || page == MaxPages)
            {
                return items;
            }

            builder = builder.WithUrl(next);
        }
    }

    /// <summary>Busy, tentative and out-of-office items; free, working elsewhere and unknown are not kept. A private item keeps no subject.</summary>
    private static CalendarItem? Item(ScheduleItem item)
    {
        CalendarItemKind kind;
        switch (item.Status)
        {
            case FreeBusyStatus.Busy:
                kind = CalendarItemKind.Busy;
                break;
            case FreeBusyStatus.Tentative:
                kind = CalendarItemKind.Tentative;
                break;
            case FreeBusyStatus.Oof:
                kind = CalendarItemKind.OutOfOffice;
                break;
            case FreeBusyStatus.Free or FreeBusyStatus.WorkingElsewhere or FreeBusyStatus.Unknown or null:
                return null;
            default:
                throw new InvalidOperationException($"Graph gave the free/busy status {item.Status}, which is not known.");
        }

        var subject = item.IsPrivate == true || string.IsNullOrWhiteSpace(item.Subject) ? null : item.Subject.Trim();
        return new CalendarItem(GraphTime.Instant(item.Start), GraphTime.Instant(item.End), kind, subject);
    }

    private async Task<AutomaticReply?> ReplyAsync(string mailbox, CancellationToken cancellationToken)
    {
        var request = new RequestInformation(Method.GET, RepliesTemplate, new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["baseurl"] = _client.RequestAdapter.BaseUrl!,
            ["user%2Did"] = mailbox,
        });
        request.Headers.Add("Accept", "application/json");
        var setting = await _client.RequestAdapter.SendAsync(request, AutomaticRepliesSetting.CreateFromDiscriminatorValue, ErrorMapping, cancellationToken);
        var message = ReplyText.Plain(setting?.InternalReplyMessage);
        switch (setting?.Status)
        {
            case AutomaticRepliesStatus.AlwaysEnabled:
                return new AutomaticReply(message, null, null);
            case AutomaticRepliesStatus.Scheduled:
                return new AutomaticReply(message, GraphTime.Instant(setting.ScheduledStartDateTime), GraphTime.Instant(setting.ScheduledEndDateTime));
            case AutomaticRepliesStatus.Disabled or null:
                return null;
            default:
                throw new InvalidOperationException($"Graph gave the automatic replies status {setting.Status}, which is not known.");
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
