using System.Collections.Immutable;
using Omstilling.Directory.Model;

namespace Omstilling.Directory.Loading;

/// <summary>
/// A department as a directory file gives it: a new one (with a name), or one of the policy's
/// referred to by id and enriched with what the switchboard needs to know (topics, e-mail).
/// Null members are "as the policy says". Immutable.
/// </summary>
public sealed record DepartmentEntry(string Id)
{
    /// <summary>Null: the policy's name.</summary>
    public string? Name { get; init; }

    /// <summary>Null: the policy's area (or none, for a department the policy lacks).</summary>
    public string? AreaId { get; init; }

    public ImmutableArray<string> Topics { get; init; } = [];

    /// <summary>Direct numbers in addition to those the policy routes.</summary>
    public ImmutableArray<DirectNumber> Numbers { get; init; } = [];

    public string? Email { get; init; }
}
