using Omstilling.Policy.Model;
using Omstilling.Yaml;

namespace Omstilling.Policy.Routing;

/// <summary>
/// An admin's switch: the switchboard closed until 13:00, Snevagten offered although the season
/// has not started, etc. Active from <see cref="From"/> (inclusive) to <see cref="Until"/>
/// (exclusive); either may be open-ended. Live overrides come in through
/// <see cref="IPolicyState"/>; planned ones can be written in the policy file.
/// </summary>
/// <param name="TargetId">The department id or menu option id; empty for the switchboard.</param>
public sealed record ManualOverride(OverrideTargetKind Target, string TargetId, OverrideMode Mode)
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>Why, in the admin's words (quoted by explain).</summary>
    public string? Reason { get; init; }

    /// <summary>Where it is written, for overrides planned in the policy file.</summary>
    public SourceLocation? Source { get; init; }

    public bool IsActiveAt(DateTimeOffset instant) =>
        (From is not { } from || instant >= from) && (Until is not { } until || instant < until);

    public bool AppliesTo(OverrideTargetKind target, string id) =>
        Target == target && (target == OverrideTargetKind.Switchboard || string.Equals(TargetId, id, StringComparison.Ordinal));
}
