namespace Omstilling.Simulator.Script;

/// <summary>A member of staff's direct number citizens may dial, and the extension whose phone it rings (from the policy's number plan).</summary>
/// <param name="Number">The direct number as dialled (8 digits).</param>
/// <param name="Extension">The staff phone that rings for it.</param>
public sealed record DirectLine(string Number, string Extension);
