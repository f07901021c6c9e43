using System.Collections.Immutable;
using Omstilling.Calls.Control;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// Whom an operator's consultation with a person reaches by the person's own rules
/// (<see cref="PolicyRunner.ReachForConsultation"/>): the phone to ring (theirs, or the colleague
/// their forwarding of every call leads to, with the forwardings for the phone's Diversion), or
/// their absence. Immutable.
/// </summary>
/// <param name="Extension">Whose phones ring; null when the forwarding leads to a number that is not a person's (a department, the switchboard, outside).</param>
/// <param name="Away">The person is coded absent: nobody is rung and the operator hears the greeting.</param>
internal sealed record ConsultationReach(string? Extension, ImmutableArray<ForwardHop> Diversions, AbsenceGreeting? Away);
