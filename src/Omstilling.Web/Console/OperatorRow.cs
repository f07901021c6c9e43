namespace Omstilling.Web.Console;

/// <summary>A switchboard operator in the console's list: who, and what they are doing. Immutable.</summary>
/// <param name="IsMe">The console's own operator.</param>
public sealed record OperatorRow(string Name, string Extension, bool IsMe, OperatorStatus Status);
