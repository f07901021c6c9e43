using Microsoft.Extensions.Logging;
using Omstilling.Sip.Transport;

namespace Omstilling.Calls.Signalling.MessageWaiting;

/// <summary>The log lines of message-waiting indication (Calls band, 2020-2029).</summary>
internal static partial class MwiLog
{
    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Message-waiting subscription {Dialog} to box {Box} from {Source} for {Seconds} s")]
    public static partial void Subscribed(this ILogger logger, string dialog, string box, SipEndPoint source, int seconds);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Message-waiting subscription {Dialog} to box {Box} ended: {Reason}")]
    public static partial void Ended(this ILogger logger, string dialog, string box, MwiEndReason reason);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Debug, Message = "Message-waiting subscription {Dialog} to box {Box} refreshed for {Seconds} s")]
    public static partial void Refreshed(this ILogger logger, string dialog, string box, int seconds);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information, Message = "A NOTIFY of box {Box} to {Destination} was answered {Status} {Reason}")]
    public static partial void NotifyFailed(this ILogger logger, string box, SipEndPoint destination, int status, string reason);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Warning, Message = "A message-waiting subscription to box {Box} from {Source} was refused: {Limit}")]
    public static partial void LimitReached(this ILogger logger, string box, SipEndPoint source, string limit);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Debug, Message = "Unsolicited NOTIFY of box {Box} sent to {Phones} phone(s)")]
    public static partial void UnsolicitedSent(this ILogger logger, string box, int phones);
}
