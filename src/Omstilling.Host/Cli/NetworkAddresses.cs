using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Omstilling.Host.Cli;

/// <summary>Chooses the media address when none is configured.</summary>
internal static class NetworkAddresses
{
    /// <summary>The first specific bind address, else the first IPv4 address of an interface that is up and not loopback, else loopback.</summary>
    public static IPAddress Default(IReadOnlyList<IPAddress> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var specific = bind.FirstOrDefault(a => !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any));
        if (specific is not null)
        {
            return specific;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }
}
