namespace Omstilling.Host.Tests.Support;

/// <summary>
/// The datagram flood runs by itself: behind it the server's UDP buffer and both cores are full,
/// and a test beside it (the simulator's four minutes of calls, say) takes the CPU the concurrent
/// call's retransmissions need, so the flood's own call failed for want of CPU, not for a fault.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FloodCollection
{
    public const string Name = "Flood";
}
