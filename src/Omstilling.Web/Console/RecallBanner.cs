using Omstilling.Calls.Control;
using Omstilling.Web.Cards;

namespace Omstilling.Web.Console;

/// <summary>
/// A transfer that came back (or a consultation nobody took): whom it was for, why, and their
/// card (absence, next free time, colleagues), with the operator's one-key choices. Immutable.
/// </summary>
/// <param name="Consultation">An announced transfer: the operator is still connected, the caller on hold.</param>
public sealed record RecallBanner(string Target, string Name, RingOutcome Outcome, bool Consultation, PersonCard? Card);
