using Omstilling.Calls.Events;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// What every owner of legs gives the parts that work for it: its id, its clock, its events and its
/// lock. Implemented by <see cref="Call"/> (through <see cref="ICallSteps"/>) and by
/// <see cref="CallBack"/>; every member runs under the owner's lock but <see cref="Locked"/>.
/// </summary>
internal interface ICallBasics
{
    Guid Id { get; }

    /// <summary>The caller's number (for a call-back, the operator who asked for it).</summary>
    string Caller { get; }

    bool HasEnded { get; }

    DateTimeOffset Now { get; }

    /// <summary>A new event of this call, to be filled in and emitted.</summary>
    CallEvent Event(CallEventKind kind);

    /// <summary>Posts the event (under the call's lock, in order; consumers get it outside it).</summary>
    void Emit(CallEvent e);

    /// <summary>Runs <paramref name="step"/> under the call's lock (from a timer or another thread), unless the call has ended; a failure ends the call.</summary>
    void Locked(Action step, string what);
}
