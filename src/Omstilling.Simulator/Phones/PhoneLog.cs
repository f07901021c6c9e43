using System.Net;
using Microsoft.Extensions.Logging;

namespace Omstilling.Simulator.Phones;

/// <summary>The simulated phones' log lines (event ids 10000-10099 of the simulator's band 10xxx).</summary>
internal static partial class PhoneLog
{
    [LoggerMessage(EventId = 10001, Level = LogLevel.Information, Message = "Simulated phones on SIP {Local}, talking to the server at {Server}")]
    public static partial void Started(ILogger logger, IPEndPoint local, IPEndPoint server);

    [LoggerMessage(EventId = 10002, Level = LogLevel.Debug, Message = "Phone {User} registered for {Seconds} s")]
    public static partial void Registered(ILogger logger, string user, int seconds);

    [LoggerMessage(EventId = 10003, Level = LogLevel.Debug, Message = "Phone {User} unregistered")]
    public static partial void Unregistered(ILogger logger, string user);

    [LoggerMessage(EventId = 10004, Level = LogLevel.Warning, Message = "Phone {User} could not refresh its registration ({Status}); trying again in {Seconds} s")]
    public static partial void RefreshFailed(ILogger logger, string user, int status, int seconds);

    [LoggerMessage(EventId = 10005, Level = LogLevel.Trace, Message = "Phone {User}, call {CallId}: {From} -> {To}")]
    public static partial void Phase(ILogger logger, string user, string callId, CallPhase from, CallPhase to);

    [LoggerMessage(EventId = 10006, Level = LogLevel.Debug, Message = "Phone {User}, call {CallId} ended: {Ending} (status {Status})")]
    public static partial void Ended(ILogger logger, string user, string callId, CallEnding ending, int? status);

    [LoggerMessage(EventId = 10007, Level = LogLevel.Warning, Message = "Phone {User}, call {CallId}: the answer's SDP has no audio we offered; hanging up")]
    public static partial void UnusableAnswer(ILogger logger, string user, string callId);

    [LoggerMessage(EventId = 10008, Level = LogLevel.Debug, Message = "Phone {User}, call {CallId}: REFER to {Number} answered {Status}")]
    public static partial void ReferAnswered(ILogger logger, string user, string callId, string number, int status);

    [LoggerMessage(EventId = 10009, Level = LogLevel.Debug, Message = "Phone {User}, call {CallId}: the transfer's NOTIFY says {Status} ({State})")]
    public static partial void Notified(ILogger logger, string user, string callId, int? status, string state);
}
