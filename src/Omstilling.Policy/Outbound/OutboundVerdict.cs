namespace Omstilling.Policy.Outbound;

/// <summary>
/// What <see cref="OutboundPermission.Check"/> decided for one dialled string. Immutable.
/// </summary>
/// <param name="Outcome">Allowed, or why not.</param>
/// <param name="Class">The number's class (<see cref="NumberClass.None"/> when it is no number outside).</param>
/// <param name="Number">
/// The number as the trunk is sent it: a Danish number's 8 national digits, a number abroad as
/// E.164 ("+4681234567"), 112 or 114; null when the string is no number outside.
/// </param>
public readonly record struct OutboundVerdict(OutboundOutcome Outcome, NumberClass Class, string? Number)
{
    public bool IsAllowed => Outcome == OutboundOutcome.Allowed;
}
