namespace Omstilling.Fuzz.Tests;

/// <summary>
/// Fuzz runs one at a time: each measures the process's peak memory from its start, and on two cores
/// two runs at once would only slow each other down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FuzzRuns
{
    public const string Name = "fuzz runs";
}
