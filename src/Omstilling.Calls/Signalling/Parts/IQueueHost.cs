using Omstilling.Sip.Registrar;

namespace Omstilling.Calls.Signalling;

/// <summary>What the <see cref="QueuedCaller"/> of a call asks of it; under the call's lock (but <see cref="ICallSteps.Locked"/>).</summary>
internal interface IQueueHost : ICallSteps
{
    /// <summary>Someone talks to the caller (the queue has nothing to offer then).</summary>
    bool Connected { get; }

    /// <summary>The caller's ringing now, if any.</summary>
    RingGroup? Ringing { get; }

    /// <summary>An unanswered transfer waits in the queue (it hears music, not its place).</summary>
    bool Recalled { get; }

    /// <summary>Rings <paramref name="bindings"/> for the caller as <paramref name="group"/>.</summary>
    void Ring(RingGroup group, IReadOnlyList<Binding> bindings, TimeSpan limit, bool ringback);

    /// <summary>Gives up the caller's ringing now, if any.</summary>
    void AbandonRinging();

    /// <summary>The switchboard has to do with the call from now on (the consoles show it).</summary>
    void ShowOnBoard();
}
