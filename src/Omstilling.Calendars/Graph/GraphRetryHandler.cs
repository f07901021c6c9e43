using System.Net;
using Microsoft.Extensions.Logging;

namespace Omstilling.Calendars.Graph;

/// <summary>
/// Graph throttling: on 429 (and 503) waits as long as <c>Retry-After</c> says (seconds or a
/// date; without it 2, 4, 8 s) on the injected <see cref="TimeProvider"/>, then sends again, at
/// most <see cref="MaxRetries"/> times. In place of the SDK's own retry handler, which waits on
/// the real clock. Thread-safe.
/// </summary>
internal sealed class GraphRetryHandler(TimeProvider time, ILogger logger) : DelegatingHandler
{
    public const int MaxRetries = 3;

    /// <summary>A longer wait than this is cut short: the poller tries again later anyway.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(2);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (attempt > MaxRetries || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            {
                return response;
            }

            var delay = Delay(response, attempt);
            CalendarLog.GraphRetry(logger, (int)response.StatusCode, delay, attempt);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private TimeSpan Delay(HttpResponseMessage response, int attempt)
    {
        var delay = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => TimeSpan.FromSeconds(1 << attempt),
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }
}
