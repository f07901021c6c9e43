namespace Omstilling.Policy.Model;

/// <summary>What a number in the number plan is.</summary>
public enum NumberKind
{
    /// <summary>The main number, answered by the switchboard.</summary>
    MainNumber = 0,
    /// <summary>A direct number of a department or a person (8 digits).</summary>
    DirectNumber = 1,
    /// <summary>An internal extension (2-6 digits).</summary>
    Extension = 2,
}
