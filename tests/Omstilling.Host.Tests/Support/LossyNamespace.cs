using System.Globalization;

namespace Omstilling.Host.Tests.Support;

/// <summary>
/// A network namespace joined to the test's own by a veth pair (10.231.N.1 here, 10.231.N.2
/// inside), where 5 % of the packets are lost in each direction. With the kernel's netem
/// (<c>tc qdisc ... netem loss 5% delay 50ms 20ms</c>) the packets are also delayed; a kernel
/// without the sch_netem module (as the CI machine's) drops them with nftables
/// (<c>numgen random mod 100 &lt; 5 drop</c> at the ingress of each end of the pair) and
/// delays none: <see cref="Impairment"/> says which. Removed again when disposed.
/// </summary>
public sealed class LossyNamespace : IAsyncDisposable
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(20);

    private LossyNamespace(string name, string hostLink, string subnet, string impairment)
    {
        Name = name;
        HostLink = hostLink;
        HostAddress = subnet + ".1";
        InsideAddress = subnet + ".2";
        Impairment = impairment;
    }

    public string Name { get; }

    /// <summary>Our side of the pair: the server listens here.</summary>
    public string HostAddress { get; }

    /// <summary>The namespace's side: the phones run here.</summary>
    public string InsideAddress { get; }

    /// <summary>What is done to the packets, for the test's messages.</summary>
    public string Impairment { get; }

    private string HostLink { get; }

    public static async Task<LossyNamespace> CreateAsync()
    {
        var id = Random.Shared.Next(0x1000, 0xFFFF).ToString("x4", CultureInfo.InvariantCulture);
        var (name, hostLink, insideLink) = ($"omst-loss-{id}", $"olh{id}", $"oln{id}");
        var subnet = $"10.231.{Random.Shared.Next(1, 255).ToString(CultureInfo.InvariantCulture)}";
        await RunAsync("ip", "netns", "add", name);
        var created = new LossyNamespace(name, hostLink, subnet, "");
        try
        {
            await RunAsync("ip", "link", "add", hostLink, "type", "veth", "peer", "name", insideLink);
            await RunAsync("ip", "link", "set", insideLink, "netns", name);
            await RunAsync("ip", "addr", "add", subnet + ".1/30", "dev", hostLink);
            await RunAsync("ip", "link", "set", hostLink, "up");
            await RunAsync("ip", "netns", "exec", name, "ip", "addr", "add", subnet + ".2/30", "dev", insideLink);
            await RunAsync("ip", "netns", "exec", name, "ip", "link", "set", insideLink, "up");
            await RunAsync("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
            var impairment = await ImpairAsync(name, hostLink, insideLink);
            return new LossyNamespace(name, hostLink, subnet, impairment);
        }
        catch
        {
            await created.DisposeAsync();
            throw;
        }
    }

    /// <summary>A command run inside the namespace, as <see cref="ProcessRunner"/> runs it.</summary>
    public Task<ProcessRunner.Result> RunInsideAsync(string file, IEnumerable<string> args, TimeSpan timeout) =>
        ProcessRunner.RunAsync("ip", ["netns", "exec", Name, file, .. args], timeout);

    public async ValueTask DisposeAsync()
    {
        // Whatever still runs inside (a SIPp a failed test did not wait for) ends with the namespace.
        var pids = await ProcessRunner.RunAsync("ip", ["netns", "pids", Name], CommandLimit);
        foreach (var pid in pids.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.All(char.IsAsciiDigit)))
        {
            await ProcessRunner.RunAsync("kill", ["-KILL", pid], CommandLimit);
        }

        await ProcessRunner.RunAsync("nft", ["delete", "table", "netdev", "loss_" + HostLink], CommandLimit); // none with netem
        await ProcessRunner.RunAsync("ip", ["link", "del", HostLink], CommandLimit); // takes its peer with it
        await ProcessRunner.RunAsync("ip", ["netns", "del", Name], CommandLimit);
    }

    private static async Task<string> ImpairAsync(string name, string hostLink, string insideLink)
    {
        var netem = await ProcessRunner.RunAsync("tc", ["qdisc", "add", "dev", hostLink, "root", "netem", "loss", "5%", "delay", "50ms", "20ms"], CommandLimit);
        if (netem.ExitCode == 0)
        {
            await RunAsync("ip", "netns", "exec", name, "tc", "qdisc", "add", "dev", insideLink, "root", "netem", "loss", "5%", "delay", "50ms", "20ms");
            return "tc netem: 5 % loss and 50 ms ± 20 ms delay each way";
        }

        if (!netem.Output.Contains("qdisc kind is unknown", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"tc netem failed: {netem}");
        }

        // Dropped as they arrive, at each end's ingress (a drop on the way out would be an error
        // to the sender, which real loss is not): into the namespace on its side, out of it on ours.
        await DropOnIngressAsync(name, insideLink);
        await DropOnIngressAsync(null, hostLink);
        return "nftables: 5 % of UDP packets lost each way (this kernel has no netem, so no delay)";
    }

    /// <summary>
    /// A netdev table of the link's own, in <paramref name="inside"/> (null: ours): 5 % of the UDP
    /// packets arriving on it are dropped. Ours is deleted when this is disposed; theirs goes with the namespace.
    /// </summary>
    private static async Task DropOnIngressAsync(string? inside, string link)
    {
        var table = "loss_" + link;
        await NftAsync(inside, "add", "table", "netdev", table);
        await NftAsync(inside, "add", "chain", "netdev", table, "in", $"{{ type filter hook ingress device {link} priority 0; }}");
        await NftAsync(inside, "add", "rule", "netdev", table, "in", "meta", "l4proto", "udp", "numgen", "random", "mod", "100", "<", "5", "counter", "drop");
    }

    private static Task NftAsync(string? inside, params string[] args) =>
        inside is null ? RunAsync("nft", args) : RunAsync("ip", ["netns", "exec", inside, "nft", .. args]);

    /// <summary>
    /// The packets dropped so far on both ends, as nftables counted them; null with netem (which
    /// counts in <c>tc -s qdisc</c>). A test shows with it that loss happened at all.
    /// </summary>
    public async Task<long?> DroppedAsync()
    {
        if (Impairment.StartsWith("tc netem", StringComparison.Ordinal))
        {
            return null;
        }

        var ours = await ProcessRunner.RunAsync("nft", ["list", "table", "netdev", "loss_" + HostLink], CommandLimit);
        var theirs = await RunInsideAsync("nft", ["list", "ruleset"], CommandLimit);
        return Packets(ours.Output) + Packets(theirs.Output);
    }

    private static long Packets(string listing) =>
        System.Text.RegularExpressions.Regex.Matches(listing, @"counter packets (\d+)")
            .Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    private static async Task RunAsync(string file, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(file, args, CommandLimit);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {result}");
        }
    }
}
