using System.Net;
using Omstilling.Sip.Messages;
using Omstilling.Sip.Transactions;
using Omstilling.Sip.Transport;

namespace Omstilling.Simulator.Phones;

/// <summary>
/// One simulated phone: a SIP user on the network's shared port. It registers (with digest
/// credentials, when it has a password), places calls (several at once if wanted) and takes the
/// calls to its user through <see cref="Incoming"/>. Thread-safe.
/// </summary>
public sealed class SimulatedPhone
{
    private readonly PhoneRegistration _registration;

    internal SimulatedPhone(PhoneNetwork network, string user, string? password, string? displayName)
    {
        Network = network;
        User = user;
        Password = password;
        DisplayName = displayName;
        Credentials = password is null ? null : new PhoneCredentials(user, password);
        _registration = new PhoneRegistration(this);
    }

    /// <summary>The user part of the phone's address: an extension, or a citizen's number.</summary>
    public string User { get; }

    public string? DisplayName { get; }

    /// <summary>
    /// Invoked (on the thread pool) for each new call to this phone's user; it rings, answers or
    /// refuses the call as it likes. When null, calls are answered 486 Busy Here. A handler that
    /// throws has its unanswered call refused 500.
    /// </summary>
    public Func<IncomingCall, CancellationToken, Task>? Incoming { get; set; }

    internal string? Password { get; }

    internal PhoneNetwork Network { get; }

    /// <summary>The account, or null for a phone without credentials (a citizen on the trunk side).</summary>
    internal PhoneCredentials? Credentials { get; }

    /// <summary>
    /// Registers with the server for <paramref name="expires"/> (refreshed at half the lifetime the
    /// server grants, while the network runs); throws <see cref="PhoneException"/> with the status when refused.
    /// </summary>
    public Task RegisterAsync(TimeSpan expires, CancellationToken cancellationToken) =>
        _registration.RegisterAsync(expires, cancellationToken);

    /// <summary>Removes the registration (Expires: 0) and stops refreshing it.</summary>
    public Task UnregisterAsync(CancellationToken cancellationToken) => _registration.UnregisterAsync(cancellationToken);

    /// <summary>Calls a number at the server: INVITE sip:number@server, answering a digest challenge when the phone has a password.</summary>
    public OutgoingCall Call(string number)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        return Call(SipUri.Sip(number, Network.ServerHost, Network.Server.EndPoint.Port), Network.Server.EndPoint);
    }

    /// <summary>Calls <paramref name="target"/> by sending the INVITE to <paramref name="destination"/> (another phone, without a server).</summary>
    public OutgoingCall Call(SipUri target, IPEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(destination);
        var call = new OutgoingCall(this, target, new SipEndPoint(SipTransportKind.Udp, destination));
        call.Start();
        return call;
    }

    /// <summary>The network stops: no more refreshes.</summary>
    internal void Stop() => _registration.Stop();

    /// <summary>A new INVITE to this phone's user, on a receive thread: the handler runs on the thread pool.</summary>
    internal void OnInvite(ServerInviteTransaction invite)
    {
        var handler = Incoming;
        if (handler is null)
        {
            invite.Respond(SipStatus.BusyHere);
            return;
        }

        if (IncomingCall.Receive(this, invite) is { } call)
        {
            Network.Background.Observe(Task.Run(() => RunHandlerAsync(handler, call)), User, "an incoming call's handler");
        }
    }

    private async Task RunHandlerAsync(Func<IncomingCall, CancellationToken, Task> handler, IncomingCall call)
    {
        try
        {
            await handler(call, Network.Stopping);
        }
        catch (OperationCanceledException) when (Network.Stopping.IsCancellationRequested)
        {
            // The network stops; it abandons the call.
        }
        catch (Exception)
        {
            await call.RejectAsync(SipStatus.ServerInternalError, CancellationToken.None);
            throw;
        }
    }
}
