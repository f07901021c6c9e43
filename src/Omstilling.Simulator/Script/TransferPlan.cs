namespace Omstilling.Simulator.Script;

/// <summary>The operator puts the citizen through to a colleague after talking with them.</summary>
/// <param name="Target">The colleague's extension (a staff phone the simulator registers).</param>
/// <param name="WrongPerson">It is the wrong person: they talk, hang up and mark the call "fejlstillet" with *88.</param>
/// <param name="TargetAnswer">What the colleague's phone does: answered after a delay, or left to ring (the call comes back to the switchboard).</param>
/// <param name="Talk">How long the colleague talks with the citizen, in the simulated day.</param>
public sealed record TransferPlan(string Target, bool WrongPerson, OfferAnswer TargetAnswer, TimeSpan Talk);
