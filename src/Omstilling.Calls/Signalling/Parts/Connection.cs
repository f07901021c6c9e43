using Omstilling.Media.Audio;
using Omstilling.Media.Clock;
using Omstilling.Media.Players;
using Omstilling.Media.Rtp;

namespace Omstilling.Calls.Signalling;

/// <summary>Who talks to the caller.</summary>
internal enum ConnectionState
{
    /// <summary>Nobody: the platform has the caller (a prompt, music, a queue, ringing).</summary>
    Alone,

    /// <summary>A person talks to the caller through the bridge.</summary>
    Talking,

    /// <summary>The operator put the caller on hold from the console: the caller hears music.</summary>
    OnHold,

    /// <summary>The operator consults a transfer's target: the bridge to the caller is down, the caller hears music.</summary>
    Consulting,
}

/// <summary>
/// The person the caller talks to (their leg, when they answered, whether the switchboard has the
/// call) and the bridge between them: the caller's stream and theirs, with music for whoever is
/// held. Keys pressed on either side come out of the bridge. Owned by its call and used under the
/// call's lock.
/// </summary>
internal sealed class Connection(IMediaClock clock, AudioClip musicOnHold, Action<CallSide, char> key) : IDisposable
{
    private Bridge? _bridge;

    public ConnectionState State { get; private set; }

    /// <summary>The leg that talks to the caller (held or consulting included), or null.</summary>
    public Branch? Party { get; private set; }

    /// <summary>When the first person answered the caller.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The switchboard operator who has or last had the call.</summary>
    public string? HandledBy { get; private set; }

    /// <summary>The caller and the party talk (or are held): a bridge carries their audio.</summary>
    public bool IsBridged => _bridge is not null;

    /// <summary>
    /// The caller now talks to <paramref name="party"/> (replacing whoever did): a phone that
    /// answered the caller (<paramref name="answeredAt"/>; an operator's makes the call the
    /// switchboard's), or a transfer's target the operator handed the caller to.
    /// </summary>
    public void Connect(RtpStream caller, Branch party, DateTimeOffset? answeredAt = null, bool byOperator = false)
    {
        Party = party;
        AnsweredAt = answeredAt ?? AnsweredAt;
        if (byOperator)
        {
            HandledBy = party.Party;
        }

        Bridge(caller, party);
    }

    /// <summary>The party leaves (hung up by us or them): returns their leg, the caller is alone.</summary>
    public Branch? Leave()
    {
        var party = Party;
        _bridge?.Dispose();
        _bridge = null;
        Party = null;
        State = ConnectionState.Alone;
        return party;
    }

    /// <summary>The operator consults: the bridge comes down, the operator stays the party; the caller hears music from the call.</summary>
    public void Consult()
    {
        _bridge?.Dispose();
        _bridge = null;
        State = ConnectionState.Consulting;
    }

    /// <summary>The operator is back with the caller after consulting.</summary>
    public void Reconnect(RtpStream caller)
    {
        if (Party is { } party)
        {
            Bridge(caller, party);
        }
    }

    /// <summary>The console's hold: the caller hears music; false when there is nothing to hold (or it is held already).</summary>
    public bool Hold()
    {
        if (State != ConnectionState.Talking)
        {
            return false;
        }

        _bridge!.Hold(Party!.Media.Stream);
        State = ConnectionState.OnHold;
        return true;
    }

    /// <summary>Takes the caller back from the console's hold; false when it was not held.</summary>
    public bool TakeOffHold()
    {
        if (State != ConnectionState.OnHold)
        {
            return false;
        }

        _bridge!.Resume(Party!.Media.Stream);
        State = ConnectionState.Talking;
        return true;
    }

    /// <summary>A phone in the bridge held (re-INVITE sendonly/inactive) or took back (sendrecv) the other side.</summary>
    public void PhoneHeld(RtpStream phone, bool held)
    {
        if (_bridge is null || !(ReferenceEquals(_bridge.A, phone) || ReferenceEquals(_bridge.B, phone)))
        {
            return;
        }

        if (held)
        {
            _bridge.Hold(phone);
        }
        else
        {
            _bridge.Resume(phone);
            if (State == ConnectionState.OnHold && ReferenceEquals(phone, Party?.Media.Stream))
            {
                State = ConnectionState.Talking; // The phone took the caller back itself.
            }
        }
    }

    /// <summary>The call's end: the bridge comes down.</summary>
    public void Dispose() => Leave();

    private void Bridge(RtpStream caller, Branch party)
    {
        _bridge?.Dispose();
        _bridge = new Bridge(caller, party.Media.Stream, clock, musicOnHold);
        _bridge.Digit += (stream, digit) => key(ReferenceEquals(stream, caller) ? CallSide.Caller : CallSide.Callee, digit);
        State = ConnectionState.Talking;
    }
}
