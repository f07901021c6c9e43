using Omstilling.Calls.Events;

namespace Omstilling.Calls.Queues;

/// <summary>
/// What each extension's phone is doing, kept from the call events alone: in a call (a caller from
/// the start of its call, a phone from its answer, a transfer target from answering the operator,
/// each until they leave or the call ends), ringing (from its first 180 until it answers or stops),
/// and since when the free ones have been free. The queue offers callers to the member free the
/// longest; the console shows phone states from here. Thread-safe.
/// </summary>
public sealed class PhoneActivity
{
    private readonly Lock _sync = new();
    private readonly Dictionary<Guid, List<string>> _byCall = [];
    private readonly Dictionary<Guid, List<string>> _ringingByCall = [];
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ringing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _freeSince = new(StringComparer.Ordinal);

    /// <summary>Raised (outside the lock) when an extension's last call ended.</summary>
    public event Action<string>? BecameFree;

    /// <summary>Raised (outside the lock) when an extension's state may have changed.</summary>
    public event Action<string>? Changed;

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
        List<string>? changed = null;
        lock (_sync)
        {
            switch (e.Kind)
            {
                case CallEventKind.Started:
                    Join(e.CallId, e.Caller, ref changed);
                    break;
                case CallEventKind.Ringing when e.Party is { } ringing:
                    StartRinging(e.CallId, ringing, ref changed);
                    break;
                case CallEventKind.RingEnded when e.Party is { } stopped:
                    StopRinging(e.CallId, stopped, ref changed);
                    break;
                case CallEventKind.Answered when e.AnsweredBy is { } by:
                    StopRinging(e.CallId, by, ref changed);
                    Join(e.CallId, by, ref changed);
                    break;
                case CallEventKind.ConsultAnswered when e.Party is { } target:
                    StopRinging(e.CallId, target, ref changed);
                    Join(e.CallId, target, ref changed);
                    break;
                case CallEventKind.PartyLeft when e.Party is { } left:
                    Leave(e.CallId, left, e.At, ref freed, ref changed);
                    break;
                case CallEventKind.Ended:
                    if (_ringingByCall.Remove(e.CallId, out var ringers))
                    {
                        foreach (var ringer in ringers)
                        {
                            Decrement(_ringing, ringer);
                            (changed ??= []).Add(ringer);
                        }
                    }

                    if (_byCall.TryGetValue(e.CallId, out var parties))
                    {
                        foreach (var party in parties.ToArray())
                        {
                            Leave(e.CallId, party, e.At, ref freed, ref changed);
                        }

                        _byCall.Remove(e.CallId);
                    }

                    break;
            }
        }

        if (changed is not null)
        {
            foreach (var extension in changed.Distinct(StringComparer.Ordinal))
            {
                Changed?.Invoke(extension);
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

    private void Join(Guid call, string extension, ref List<string>? changed)
    {
        if (!_byCall.TryGetValue(call, out var parties))
        {
            _byCall[call] = parties = [];
        }

        if (!parties.Contains(extension))
        {
            parties.Add(extension);
            _calls[extension] = _calls.GetValueOrDefault(extension) + 1;
            (changed ??= []).Add(extension);
        }
    }

    private void Leave(Guid call, string extension, DateTimeOffset at, ref List<string>? freed, ref List<string>? changed)
    {
        if (!_byCall.TryGetValue(call, out var parties) || !parties.Remove(extension))
        {
            return;
        }

        (changed ??= []).Add(extension);
        if (Decrement(_calls, extension))
        {
            _freeSince[extension] = at;
            (freed ??= []).Add(extension);
        }
    }

    private void StartRinging(Guid call, string extension, ref List<string>? changed)
    {
        if (!_ringingByCall.TryGetValue(call, out var ringers))
        {
            _ringingByCall[call] = ringers = [];
        }

        if (!ringers.Contains(extension))
        {
            ringers.Add(extension);
            _ringing[extension] = _ringing.GetValueOrDefault(extension) + 1;
            (changed ??= []).Add(extension);
        }
    }

    private void StopRinging(Guid call, string extension, ref List<string>? changed)
    {
        if (_ringingByCall.TryGetValue(call, out var ringers) && ringers.Remove(extension))
        {
            Decrement(_ringing, extension);
            (changed ??= []).Add(extension);
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
