using Microsoft.Extensions.Logging;
using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>The queue's log: whom it rings for a caller, and on which phones (a ring nobody hears is found here).</summary>
internal static partial class QueueLog
{
    /// <summary>The queue offers a caller to <paramref name="members"/>, ringing each of their registered phones.</summary>
    public static void Ringing(ILogger logger, Guid callId, IReadOnlyList<string> members, IReadOnlyList<Binding> phones)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            Ringing(logger, callId, string.Join(", ", members), phones.Count, string.Join(", ", phones.Select(p => $"{p.Aor} at {p.Source}")));
        }
    }

    [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "Call {CallId}: the queue rings {Members} on {Count} phone(s): {Phones}")]
    private static partial void Ringing(ILogger logger, Guid callId, string members, int count, string phones);
}
