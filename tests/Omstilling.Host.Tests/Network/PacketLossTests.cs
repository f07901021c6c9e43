using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Omstilling.Host.Tests.Support;
using Omstilling.Storage;

namespace Omstilling.Host.Tests.Network;

/// <summary>
/// Issue 16, item 5: phones behind a lossy link (<see cref="LossyNamespace"/>) still register,
/// call through the B2BUA and choose in the after-hours menu, by SIP's retransmissions on both
/// sides, and every call is in the history.
/// </summary>
public sealed class PacketLossTests
{
    private const int Calls = 10;
    private const int MenuCalls = 5;
    private static readonly TimeSpan SippLimit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Registrations_calls_and_menu_keys_work_through_five_percent_loss_and_the_history_is_complete()
    {
        await using var network = await LossyNamespace.CreateAsync();
        var (trunkPort, calleePort) = (FreePort.Next(), FreePort.Next());
        var trunk = network.RunInsideAsync("sipp", Arguments("uas_answer.xml", network.HostAddress, 0, trunkPort, network.InsideAddress, MenuCalls, []), SippLimit);
        await using var server = await ServerProcess.StartAsync(
            "--bind", network.HostAddress, "--media-address", network.HostAddress, "--at", "2026-12-01 22:00", "--trunk", $"{network.InsideAddress}:{Text(trunkPort)}");
        var because = $"({network.Impairment})\n";

        var registered = await network.RunInsideAsync("sipp", Arguments("register.xml", network.HostAddress, server.SipPort, calleePort, network.InsideAddress, 1, [("username", "2002"), ("password", "demo2002")]), SippLimit);
        Assert.True(registered.ExitCode == 0, because + $"register: {registered}\n{server.Output}");

        var callee = network.RunInsideAsync("sipp", Arguments("uas_answer.xml", network.HostAddress, 0, calleePort, network.InsideAddress, Calls, []), SippLimit);
        var caller = await network.RunInsideAsync("sipp", Arguments("uac_call_bye.xml", network.HostAddress, server.SipPort, FreePort.Next(), network.InsideAddress, Calls, [("username", "2001"), ("password", "demo2001"), ("callee", "2002")]), SippLimit);
        Assert.True(caller.ExitCode == 0, because + $"caller: {caller}\n{server.Output}");
        Assert.True((await callee).ExitCode == 0, because + $"callee: {await callee}");

        var menu = await network.RunInsideAsync("sipp", Arguments("uac_menu_keys.xml", network.HostAddress, server.SipPort, FreePort.Next(), network.InsideAddress, MenuCalls, [("callee", "54731000"), ("key1", "1"), ("key2", "5")]), SippLimit);
        Assert.True(menu.ExitCode == 0, because + $"menu caller: {menu}\n{server.Output}");
        Assert.True((await trunk).ExitCode == 0, because + $"trunk: {await trunk}");

        // The loss was real: packets were dropped (about 5 % of a few hundred), and the calls still went through.
        if (await network.DroppedAsync() is { } dropped)
        {
            Assert.True(dropped > 0, because + "no packet was dropped: the test would not show that retransmissions recover them");
        }

        Assert.True(
            await server.WaitForStatusAsync(s => s.GetProperty("history").GetProperty("records").GetInt64() >= Calls + MenuCalls && s.GetProperty("activeCalls").GetInt32() == 0, TimeSpan.FromSeconds(30)),
            because + $"the history has {(await server.StatusAsync()).GetProperty("history")}");
        var database = new OmstillingDatabase(DatabaseOptions.EmbeddedIn(server.DataDirectory));
        await using var db = database.CreateContext();
        var records = await db.CallRecords.Select(r => new { r.Caller, r.Dialled, r.AnsweredBy, r.MenuPath, r.EndReason }).ToListAsync();
        var through = records.Where(r => r.Dialled == "2002").ToList();
        Assert.Equal(Calls, through.Count);
        Assert.All(through, r => Assert.Equal(("2001", "2002", "CallerHungUp"), (r.Caller, r.AnsweredBy, r.EndReason)));
        var chosen = records.Where(r => r.Dialled == "54731000").ToList();
        Assert.Equal(MenuCalls, chosen.Count);
        Assert.All(chosen, r => Assert.Contains("snevagten", r.MenuPath ?? "", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>SIPp in the namespace: <paramref name="calls"/> calls, 2 a second, each allowed for the retransmissions' time.</summary>
    private static List<string> Arguments(string scenario, string serverAddress, int serverPort, int localPort, string localAddress, int calls, (string Key, string Value)[] keys)
    {
        var args = Sipp.Arguments(scenario, serverAddress, serverPort, localAddress, localPort, keys);
        args[args.IndexOf("-m") + 1] = Text(calls);
        args[args.IndexOf("-timeout") + 1] = "120s";
        // As real phones do, a retransmitted answer already had (a 407 again, because our ACK of it
        // was lost) is absorbed instead of aborting the call.
        return [.. args, "-r", "2", "-default_behaviors", "all,-abortunexp"];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
