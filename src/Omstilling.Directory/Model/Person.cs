using System.Collections.Immutable;

namespace Omstilling.Directory.Model;

/// <summary>
/// A member of staff as the switchboard knows them: who they are, where they sit, how to reach
/// them and what they handle. Immutable; a staff change gives a new directory snapshot.
/// </summary>
/// <param name="Id">Stable id, a lowercase slug such as "anne-soerensen"; other entries refer to it (covered-by).</param>
/// <param name="Name">Full name as said on the phone, "Anne Sørensen".</param>
/// <param name="DepartmentId">The department (or "switchboard" for the operators).</param>
public sealed record Person(string Id, string Name, string DepartmentId)
{
    /// <summary>Job title, "Borgerservicemedarbejder".</summary>
    public string? Title { get; init; }

    /// <summary>The internal extension (2-6 digits) the person answers; null for staff without a phone of their own.</summary>
    public string? Extension { get; init; }

    public string? Email { get; init; }

    /// <summary>Work mobile as 8 national digits; for the operator, never read out to callers.</summary>
    public string? Mobile { get; init; }

    public ImmutableArray<DirectNumber> DirectNumbers { get; init; } = [];

    /// <summary>What the person handles ("pas", "kørekort"), as written; search folds them.</summary>
    public ImmutableArray<string> Topics { get; init; } = [];

    /// <summary>
    /// Ids of colleagues who cover for this person, in the order to try. Empty means the rest of
    /// the department (see <see cref="StaffDirectory.Colleagues"/>).
    /// </summary>
    public ImmutableArray<string> CoveredBy { get; init; } = [];

    /// <summary>Where the person's calendar is read from (busy times, out of office), or null.</summary>
    public CalendarSource? Calendar { get; init; }

    /// <summary>
    /// Which numbers outside the person's phone may call through the trunk (<c>class-of-service:</c>);
    /// null when none is written, which is <see cref="Policy.Outbound.ClassOfService.National"/>.
    /// Premium-rate numbers only as the policy's <c>outbound: allow</c> says (docs/security.md).
    /// </summary>
    public Policy.Outbound.ClassOfService? ClassOfService { get; init; }

    /// <summary>The class of service in force: the written one, else national.</summary>
    public Policy.Outbound.ClassOfService EffectiveClassOfService => ClassOfService ?? Policy.Outbound.ClassOfService.National;
}
