using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Omstilling.Host.Tests.Support;
using Omstilling.Simulator.Phones;

namespace Omstilling.Simulator.Tests.Support;

/// <summary>
/// The real server (<c>omstilling run --demo</c>, a working-day morning so the switchboard is open,
/// the survey at 0 %) as its own process on loopback, and one phone network talking to it.
/// </summary>
public sealed class ServerWithPhones : IAsyncLifetime
{
    public ServerProcess Server { get; private set; } = null!;

    public PhoneNetwork Phones { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        var options = new PhoneNetworkOptions(new IPEndPoint(IPAddress.Loopback, Server.SipPort), IPAddress.Loopback, FirstRtpPort: 40400, LastRtpPort: 40599);
        Phones = await PhoneNetwork.StartAsync(options, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Phones is not null)
        {
            await Phones.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
