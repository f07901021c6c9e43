namespace Omstilling.Host.Server;

/// <summary>Where the server is in its life, as <c>/api/health</c> reports it.</summary>
internal enum ServerState
{
    /// <summary>Listening may have begun, but the warm-up or another part has not finished: 503 "starting".</summary>
    Starting,

    /// <summary>SIP, media and the web all listen and SIP answers: 200 "ok".</summary>
    Ready,

    /// <summary>SIGTERM or Ctrl+C: new calls are refused while the calls up finish (the drain): 503 "stopping".</summary>
    Stopping,
}
