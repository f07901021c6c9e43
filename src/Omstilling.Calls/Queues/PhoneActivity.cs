using Omstilling.Calls.Events;

namespace Omstilling.Calls.Queues;

/// <summary>
/// What each extension's phone is doing, kept from the call events alone: in a call (a caller from
/// the start of its call, a phone from its answer, a transfer target from answering the operator,
/// each until they leave or the call ends), ringing (from its first 180 until it answers or stops),
/// and since when the free ones have been free. The queue offers callers to the member free the
/// longest; the console shows phone states from here. Only our extensions are kept: a citizen's
/// number or a service number is no phone of ours, and would stay in the table for ever. Thread-safe.
/// </summary>
public sealed class PhoneActivity(Func<string, bool> isExtension)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<Guid, List<string>> _byCall = [];
    private readonly Dictionary<Guid, List<string>> _ringingByCall = [];
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ringing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _freeSince = new(StringComparer.Ordinal);

    /// <summary>Raised (outside the lock) when an extension's last call ended.</summary>
    public event Action<string>? BecameFree;

    public bool IsBusy(string extension)
    {
        lock (_sync)
        {
            return _calls.GetValueOrDefault(extension) > 0;
        }
    }

    public bool IsRinging(string extension)
    {
        lock (_sync)
        {
            return _ringing.GetValueOrDefault(extension) > 0;
        }
    }

    /// <summary>In a call, ringing, or idle (whether a phone is registered at all is the registrar's to say).</summary>
    public PhoneState StateOf(string extension)
    {
        lock (_sync)
        {
            return _calls.GetValueOrDefault(extension) > 0 ? PhoneState.Busy
                : _ringing.GetValueOrDefault(extension) > 0 ? PhoneState.Ringing
                : PhoneState.Idle;
        }
    }

    /// <summary>When the extension's last call ended; <see cref="DateTimeOffset.MinValue"/> when it has had none.</summary>
    public DateTimeOffset FreeSince(string extension)
    {
        lock (_sync)
        {
            return _freeSince.GetValueOrDefault(extension, DateTimeOffset.MinValue);
        }
    }

    public void OnEvent(CallEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        List<string>? freed = null;
        lock (_sync)
        {
            switch (e.Kind)
            {
                case CallEventKind.Started:
                    Join(e.CallId, e.Caller);
                    break;
                case CallEventKind.Ringing:
                    StartRinging(e.CallId, e.Party);
                    break;
                case CallEventKind.RingEnded:
                    StopRinging(e.CallId, e.Party);
                    break;
                case CallEventKind.Answered:
                    StopRinging(e.CallId, e.AnsweredBy);
                    Join(e.CallId, e.AnsweredBy);
                    break;
                case CallEventKind.ConsultAnswered:
                    StopRinging(e.CallId, e.Party);
                    Join(e.CallId, e.Party);
                    break;
                case CallEventKind.PartyLeft:
                    Leave(e.CallId, e.Party, e.At, ref freed);
                    break;
                case CallEventKind.Held or CallEventKind.Resumed or CallEventKind.Digit or CallEventKind.Routed
                    or CallEventKind.MenuChoice or CallEventKind.InvalidChoice or CallEventKind.Voicemail
                    or CallEventKind.Queued or CallEventKind.PositionAnnounced or CallEventKind.Offered
                    or CallEventKind.Diverted or CallEventKind.TransferStarted or CallEventKind.TransferCompleted
                    or CallEventKind.TransferFailed or CallEventKind.Recalled or CallEventKind.CampOn
                    or CallEventKind.QueueTimedOut or CallEventKind.SurveyInvited or CallEventKind.SurveyOptedIn
                    or CallEventKind.SurveyAsked or CallEventKind.SurveyAnswered or CallEventKind.MarkedMisrouted:
                    break; // who is in a call does not change
                default:
                    throw new System.Diagnostics.UnreachableException($"CallEventKind {e.Kind}");
                case CallEventKind.Ended:
                    if (_ringingByCall.Remove(e.CallId, out var ringers))
                    {
                        foreach (var ringer in ringers)
                        {
                            Decrement(_ringing, ringer);
                        }
                    }

                    if (_byCall.TryGetValue(e.CallId, out var parties))
                    {
                        foreach (var party in parties.ToArray())
                        {
                            Leave(e.CallId, party, e.At, ref freed);
                        }

                        _byCall.Remove(e.CallId);
                    }

                    break;
            }
        }

        if (freed is not null)
        {
            foreach (var extension in freed)
            {
                BecameFree?.Invoke(extension);
            }
        }
    }

    private void Join(Guid call, string? extension)
    {
        if (extension is null || !isExtension(extension))
        {
            return;
        }

        if (!_byCall.TryGetValue(call, out var parties))
        {
            _byCall[call] = parties = [];
        }

        if (!parties.Contains(extension))
        {
            parties.Add(extension);
            _calls[extension] = _calls.GetValueOrDefault(extension) + 1;
        }
    }

    private void Leave(Guid call, string? extension, DateTimeOffset at, ref List<string>? freed)
    {
        if (extension is null || !_byCall.TryGetValue(call, out var parties) || !parties.Remove(extension))
        {
            return;
        }

        if (Decrement(_calls, extension))
        {
            _freeSince[extension] = at;
            (freed ??= []).Add(extension);
        }
    }

    private void StartRinging(Guid call, string? extension)
    {
        if (extension is null || !isExtension(extension))
        {
            return;
        }

        if (!_ringingByCall.TryGetValue(call, out var ringers))
        {
            _ringingByCall[call] = ringers = [];
        }

        if (!ringers.Contains(extension))
        {
            ringers.Add(extension);
            _ringing[extension] = _ringing.GetValueOrDefault(extension) + 1;
        }
    }

    private void StopRinging(Guid call, string? extension)
    {
        if (extension is not null && _ringingByCall.TryGetValue(call, out var ringers) && ringers.Remove(extension))
        {
            Decrement(_ringing, extension);
            if (ringers.Count == 0)
            {
                _ringingByCall.Remove(call);
            }
        }
    }

    /// <summary>Counts one down; true when it reached zero (and the entry is gone).</summary>
    private static bool Decrement(Dictionary<string, int> counts, string extension)
    {
        if (!counts.TryGetValue(extension, out var n))
        {
            return false;
        }

        if (n <= 1)
        {
            counts.Remove(extension);
            return true;
        }

        counts[extension] = n - 1;
        return false;
    }
}
