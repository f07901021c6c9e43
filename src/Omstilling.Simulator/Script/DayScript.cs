namespace Omstilling.Simulator.Script;

/// <summary>A day's synthetic calls in the order they arrive.</summary>
public sealed record DayScript(DateOnly Day, int Seed, IReadOnlyList<CitizenCall> Calls);
