using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Calls.Queues;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The operator console's commands that are not transfers (hold, hang up, voicemail, answer a
/// waiting caller) and the call as the console sees it. Every command is checked against the
/// call's state under its lock, so two operators acting at once get one answer each.
/// </summary>
internal sealed partial class Call
{
    private readonly List<string> _menuChoices = [];
    private bool _held;
    private volatile bool _onBoard;

    /// <summary>
    /// The switchboard has to do with this call: it waited in a queue, an operator answered it, or
    /// it is being transferred. Only these are on the consoles' board (read without the lock).
    /// </summary>
    public bool OnBoard => _onBoard;

    /// <summary>The operator puts the caller on hold from the console (the caller hears music).</summary>
    public CallControlResult Hold(string op)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: false) is { } refused)
            {
                return refused;
            }

            if (!_held && _bridge is not null)
            {
                _held = true;
                _bridge.Hold(_answered!.Media.Stream);
                Emit(Event(CallEventKind.Held) with { Party = op, Operator = op });
            }

            return CallControlResult.Done;
        }
    }

    public CallControlResult TakeOffHold(string op)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: false) is { } refused)
            {
                return refused;
            }

            if (_held && _bridge is not null)
            {
                _held = false;
                _bridge.Resume(_answered!.Media.Stream);
                Emit(Event(CallEventKind.Resumed) with { Party = op, Operator = op });
            }

            return CallControlResult.Done;
        }
    }

    /// <summary>The operator ends the call from the console (every leg is hung up).</summary>
    public CallControlResult HangUpBy(string op)
    {
        lock (_sync)
        {
            if (State == CallState.Ended)
            {
                return CallControlResult.NoSuchCall;
            }

            if (_answered?.Party != op)
            {
                return CallControlResult.NotYourCall;
            }

            End(CallEndReason.CalleeHungUp, null);
            return CallControlResult.Done;
        }
    }

    /// <summary>The caller leaves a message in <paramref name="box"/>; the operator is free.</summary>
    public CallControlResult TransferToVoicemail(string op, string box)
    {
        lock (_sync)
        {
            if (Check(op, allowFailedConsult: true) is { } refused)
            {
                return refused;
            }

            ClearConsultation();
            _recall = null;
            Emit(Event(CallEventKind.TransferStarted) with { Party = box, Operator = op, VoicemailBox = box });
            ReleaseOperator();
            State = CallState.Answered;
            RecordVoicemail(box);
            return CallControlResult.Done;
        }
    }

    /// <summary>The operator answers this waiting caller from the console: their phone rings for it.</summary>
    public CallControlResult Pick(string op)
    {
        if (State == CallState.Ended)
        {
            return CallControlResult.NoSuchCall;
        }

        return _manager.Queues.Pick(this, op) switch
        {
            PickResult.Offered => CallControlResult.Done,
            PickResult.TakenByOther => CallControlResult.TakenByOther,
            PickResult.NotWaiting => CallControlResult.NotNow,
            _ => CallControlResult.TargetUnavailable,
        };
    }

    /// <summary>The call as the console shows it now.</summary>
    public CallView Snapshot()
    {
        lock (_sync)
        {
            return new CallView(
                Id,
                Caller,
                Dialled,
                StartedAt,
                State,
                _answered?.Party,
                _answeredAt,
                _handledBy,
                QueueId,
                [.. _menuChoices],
                _held,
                _diversion is { } d ? new DiversionView(d.Party, d.Outcome) : null,
                _transfer is { } t ? new TransferView(t.Kind, t.Target, t.TargetName, t.Operator, t.StartedAt, t.Consult is not null, t.Failed) : null,
                _recall is { } r ? new RecallView(r.Target, r.TargetName, r.Outcome, r.Operator, r.At) : null);
        }
    }

    /// <summary>Whether <paramref name="extension"/> is a party of the call now: talking, consulting, or ringing for it.</summary>
    public bool Involves(string extension)
    {
        lock (_sync)
        {
            return State != CallState.Ended
                && (_answered?.Party == extension || _transfer?.Operator == extension && _transfer.Kind == TransferKind.Announced
                    || _branches.Any(b => b.Party == extension && !b.IsDone && !b.Released));
        }
    }
}
