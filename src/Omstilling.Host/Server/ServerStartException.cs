namespace Omstilling.Host.Server;

/// <summary>
/// The server cannot start, for a reason an installer can act on ("cannot listen on SIP port
/// 5060: ..."): logged in one line (event 9002) and the exit code is 1, with no stack trace.
/// </summary>
internal sealed class ServerStartException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason => Message;
}
