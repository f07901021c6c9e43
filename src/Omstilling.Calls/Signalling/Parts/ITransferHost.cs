using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>What the <see cref="Transfers"/> of a call ask of it; under the call's lock.</summary>
internal interface ITransferHost : ICallSteps
{
    /// <summary>The leg that talks to the caller now (the operator, or whoever the caller was put through to), else null.</summary>
    Branch? Answered { get; }

    /// <summary>The caller is on hold (the console's hold).</summary>
    bool Held { get; }

    /// <summary>Hangs up the operator's leg; the caller goes on without them.</summary>
    void ReleaseOperator();

    /// <summary>The operator left on their own (hung up): the call just forgets their leg.</summary>
    void ForgetOperator();

    /// <summary>The caller hears music while the operator consults (the bridge to the operator is taken down).</summary>
    void MusicForCaller();

    /// <summary>The caller and <paramref name="target"/> talk (the target is the one who answered the caller now).</summary>
    void ConnectTo(Branch target);

    /// <summary>The operator talks to the caller again (the caller's music stops).</summary>
    void ReconnectOperator();

    /// <summary>Rings <paramref name="bindings"/> for the caller as <paramref name="group"/>; the caller hears the ringing tone when <paramref name="ringback"/>.</summary>
    void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback);

    /// <summary>The operator's ringing of the target goes on for the caller (the operator hung up): it is the caller's ringing now, for <paramref name="left"/>.</summary>
    void RingOn(RingGroup group, TimeSpan left);

    /// <summary>Gives up the caller's ringing now, if any.</summary>
    void AbandonRinging();

    /// <summary>The caller waits at the head of the switchboard's queue (or the call ends when there is none).</summary>
    void RequeueAtHead();
}
