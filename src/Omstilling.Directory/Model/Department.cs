using System.Collections.Immutable;

namespace Omstilling.Directory.Model;

/// <summary>
/// A department (afdeling), or the main switchboard (id "switchboard", "Hovedomstillingen"), as
/// the switchboard knows it: name, area, what it handles and its direct numbers. Routing rules
/// (hours, overflow) stay in the policy. Immutable.
/// </summary>
public sealed record Department(string Id, string Name)
{
    /// <summary>The directorate area; null for the switchboard and for departments outside any area.</summary>
    public string? AreaId { get; init; }

    /// <summary>What the department handles ("pas", "kørekort", "MitID").</summary>
    public ImmutableArray<string> Topics { get; init; } = [];

    public ImmutableArray<DirectNumber> Numbers { get; init; } = [];

    /// <summary>The department's shared mailbox.</summary>
    public string? Email { get; init; }
}
