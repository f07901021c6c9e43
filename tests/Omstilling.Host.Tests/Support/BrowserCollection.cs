namespace Omstilling.Host.Tests.Support;

/// <summary>
/// The console's browser tests run by themselves: Chromium renders on the same two cores as the
/// servers, and beside the SIP tests' timing (retransmission timers of 500 ms, a datagram flood)
/// it made them fail for want of CPU, not for a fault.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
