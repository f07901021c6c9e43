using Omstilling.Media.Clock;
using Omstilling.Media.Players;
using Omstilling.Media.Rtp;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Where a key press goes: to a menu's choice or a recording's end while one is on, to the
/// post-call survey while it invites or asks the caller, otherwise on
/// to the other party (RFC 4733) while the two talk; never recorded. It is also the caller's
/// stream's listener while no bridge takes it (menus, messages, voicemail), and passes the audio
/// to a recording. Keys reach <see cref="Route"/> through the call's <see cref="KeyQueue"/>, under
/// the call's lock.
/// </summary>
internal sealed class KeyRouter(CallerLeg leg, MenuRunner menus, PostCallSurvey survey, Connection connection, Func<bool> consulting, IMediaClock clock) : IRtpListener
{
    private KeyQueue? _queue;

    /// <summary>The queue the caller's keys are put on (set once, when the call is made).</summary>
    public void Attach(KeyQueue queue) => _queue = queue;

    /// <summary>A key press from <paramref name="from"/>.</summary>
    public void Route(CallSide from, char key)
    {
        if (from == CallSide.Caller
            && ((leg.Media is { } callerMedia && menus.OnKey(callerMedia.Stream, key)) || survey.OnKey(key, connection.IsBridged)))
        {
            return;
        }

        var other = from == CallSide.Caller ? connection.Party?.Media.Stream : leg.Media?.Stream;
        if (other is { CanSendDigits: true } && connection.IsBridged && !consulting())
        {
            DtmfSender.Start(other, clock, key.ToString());
        }
    }

    /// <summary>The caller's keys (and audio, for a recording) come here while no bridge takes its stream.</summary>
    public void ListenToCaller()
    {
        if (!connection.IsBridged && leg.Media is { } media)
        {
            media.Stream.Listener = this;
        }
    }

    public void OnAudio(RtpStream stream, ReadOnlySpan<byte> payload, bool marker) => menus.OnAudio(stream, payload, marker);

    public void OnDigit(RtpStream stream, char digit) => _queue?.Enqueue(CallSide.Caller, digit);
}
