namespace Omstilling.Host.Tests.Simulator;

/// <summary>
/// The scripted days run one after the other: each is a server and a simulator checked against
/// figures that assume the calls' timing (ringing, ring limits, at most three calls at once), and
/// side by side on two cores one made the other's citizens meet refusals for want of CPU.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SimulatedDaysCollection
{
    public const string Name = "Simulated days";
}
