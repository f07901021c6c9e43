using Microsoft.Extensions.Logging;

namespace Omstilling.Calendars;

/// <summary>The calendars' log messages (event ids 5010-5029 of the directory's band). Never a meeting's subject or a reply's text.</summary>
internal static partial class CalendarLog
{
    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "The {Provider} calendar of '{PersonId}' could not be read ({Failures} in a row): {Reason}; what was read before is kept, next try at {NextAttempt:O}")]
    public static partial void FetchFailed(ILogger logger, string provider, string personId, int failures, string reason, string nextAttempt);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "The {Provider} calendar of '{PersonId}' is read again after {Failures} failures")]
    public static partial void FetchRecovered(ILogger logger, string provider, string personId, int failures);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "The calendar poller failed; it tries again in a minute")]
    public static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Microsoft Graph answered {Status}; retrying after {Delay} (attempt {Attempt})")]
    public static partial void GraphRetry(ILogger logger, int status, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "Microsoft Graph rejected the access token ({Code}); a new one is fetched")]
    public static partial void GraphTokenRejected(ILogger logger, string code);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Information, Message = "Calendars: {People} people with a calendar, read every {Interval}")]
    public static partial void Polling(ILogger logger, int people, TimeSpan interval);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Warning, Message = "'{PersonId}' has a Microsoft 365 calendar, but no Graph credentials are configured (OMSTILLING_GRAPH_TENANT, OMSTILLING_GRAPH_CLIENT_ID, OMSTILLING_GRAPH_CLIENT_SECRET)")]
    public static partial void NoGraph(ILogger logger, string personId);
}
