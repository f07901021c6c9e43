namespace Omstilling.Simulator.Phones;

/// <summary>How a simulated call ended, as its <see cref="SimulatedCall.Ended"/> reports it.</summary>
public enum CallEnding
{
    /// <summary>This phone hung up an answered call (its BYE).</summary>
    HungUpHere,

    /// <summary>The other side hung up an answered call (their BYE).</summary>
    HungUpThere,

    /// <summary>The call was never answered: a final refusal (busy, declined, not found, a timeout), sent or received.</summary>
    Refused,

    /// <summary>The caller gave up before the answer (CANCEL, answered 487), whichever side this phone was.</summary>
    Cancelled,

    /// <summary>Something went wrong: no usable media in the answer, our 200 never acknowledged, a handler that threw, or the network stopped.</summary>
    Failed,
}
