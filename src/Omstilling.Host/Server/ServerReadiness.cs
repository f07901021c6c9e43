namespace Omstilling.Host.Server;

/// <summary>
/// The server's <see cref="ServerState"/>, for the health probe (a load balancer takes a server
/// out before its drain, and only puts it in once it answers SIP). Thread-safe.
/// </summary>
internal sealed class ServerReadiness
{
    private volatile ServerState _state = ServerState.Starting;

    public ServerState State => _state;

    public void Ready() => _state = ServerState.Ready;

    public void Stopping() => _state = ServerState.Stopping;

    /// <summary>The word <c>/api/health</c> answers with.</summary>
    public static string Word(ServerState state) => state switch
    {
        ServerState.Starting => "starting",
        ServerState.Ready => "ok",
        ServerState.Stopping => "stopping",
        _ => throw new System.Diagnostics.UnreachableException($"ServerState {state}"),
    };
}
