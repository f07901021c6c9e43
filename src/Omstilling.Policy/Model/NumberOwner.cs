namespace Omstilling.Policy.Model;

/// <summary>Who answers a number.</summary>
public enum NumberOwner
{
    Switchboard = 0,
    Department = 1,
    Person = 2,
    /// <summary>A switchboard operator's own extension.</summary>
    Operator = 3,
}
