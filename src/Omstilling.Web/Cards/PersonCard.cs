using Omstilling.Calls.Queues;
using Omstilling.Directory.Live;
using Omstilling.Directory.Model;

namespace Omstilling.Web.Cards;

/// <summary>
/// What the operator sees of a person before putting a caller through: their phone's state, their
/// absence and when they are free next, their direct numbers, who can cover for them, and any
/// notice that their whole department is away. Immutable.
/// </summary>
public sealed record PersonCard(
    Person Person,
    Department? Department,
    PhoneState Phone,
    Absence? Absence,
    Availability Availability,
    IReadOnlyList<ColleagueState> Colleagues,
    IReadOnlyList<DepartmentAbsence> Notices)
{
    /// <summary>Where the person's calls are forwarded, by condition; an operator's transfer follows the forwarding as a dialled call does.</summary>
    public IReadOnlyList<Forwarding> Forwardings { get; init; } = [];
}

/// <summary>A colleague who can cover, with what the operator needs to choose them.</summary>
public sealed record ColleagueState(Person Person, PhoneState Phone, Absence? Absence);
