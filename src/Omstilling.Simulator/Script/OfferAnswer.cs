namespace Omstilling.Simulator.Script;

/// <summary>What the operator whose phone is offered a citizen's call does with that offer.</summary>
/// <param name="RingsOut">The operator lets it ring until the queue takes it back (the policy's ring limit).</param>
/// <param name="Delay">How long the operator lets it ring before answering (real time, never sped up: it is what the goal measures).</param>
public readonly record struct OfferAnswer(bool RingsOut, TimeSpan Delay)
{
    public static OfferAnswer After(TimeSpan delay) => new(false, delay);

    public static OfferAnswer NotAnswered { get; } = new(true, TimeSpan.Zero);
}
