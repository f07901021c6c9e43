namespace Omstilling.Simulator.Script;

/// <summary>
/// A citizen dials a member of staff's direct number instead of the main number. When the staff
/// phone rings out, the policy decides where the call goes (the switchboard, where the citizen's
/// offers, talk and transfer apply as for the main number; or voicemail).
/// </summary>
/// <param name="Extension">The staff phone the direct number rings.</param>
/// <param name="Answer">What that phone does: answered after a delay (by the hour's share), or left to ring out.</param>
/// <param name="Talk">How long the member of staff talks with the citizen, in the simulated day.</param>
public sealed record DirectPlan(string Extension, OfferAnswer Answer, TimeSpan Talk);
