using System.Text.Json;
using Omstilling.Host.Tests.Support;
using static Omstilling.Host.Tests.Support.CallEvents;

namespace Omstilling.Host.Tests.Policy;

/// <summary>
/// The bundled Guldborgsund policy carried out live: the server runs with its clock set by
/// <c>--at</c>, a SIPp caller comes in as a citizen would through a trunk (no credentials), keys
/// are pressed with SIP INFO, and SIPp phones and a SIPp trunk answer where the policy sends the call.
/// </summary>
public sealed class PolicyCallTests
{
    [Fact]
    public async Task On_a_winter_night_the_after_hours_menu_leads_to_the_snow_watch_through_the_trunk()
    {
        var trunkPort = FreePort.Next();
        var trunk = Sipp.RunAsync("uas_answer.xml", 0, trunkPort);
        Assert.True(await FreePort.WaitUntilBoundAsync(trunkPort, TimeSpan.FromSeconds(10)), "the trunk's SIPp did not start");
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 22:00", "--trunk", $"127.0.0.1:{trunkPort}");

        var caller = await Sipp.RunAsync("uac_menu_keys.xml", server.SipPort, FreePort.Next(), ("callee", "54731000"), ("key1", "1"), ("key2", "5"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var answered = await trunk;
        Assert.True(answered.ExitCode == 0, $"trunk: {answered}\n{server.Output}");
        var events = await server.EventsAsync();
        Assert.Contains(events, e => Is(e, "Routed", "Menu efter-lukketid"));
        Assert.Contains(events, e => Is(e, "MenuChoice", "efter-lukketid: Teknik og Miljø") && Text(e, "digit") == "1");
        Assert.Contains(events, e => Is(e, "MenuChoice", "teknik-og-miljoe: Snevagten") && Text(e, "digit") == "5");
        Assert.Contains(events, e => Is(e, "Routed", "Forward 20304035"));
        Assert.Contains(events, e => Text(e, "kind") == "Answered");
    }

    [Fact]
    public async Task In_summer_the_snow_watch_key_is_an_invalid_choice_and_nothing_is_forwarded()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-07-01 22:00");

        var caller = await Sipp.RunAsync("uac_menu_keys.xml", server.SipPort, FreePort.Next(), ("callee", "54731000"), ("key1", "1"), ("key2", "5"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var events = await server.EventsAsync();
        Assert.Contains(events, e => Is(e, "MenuChoice", "efter-lukketid: Teknik og Miljø"));
        Assert.Contains(events, e => Text(e, "kind") == "InvalidChoice" && Text(e, "digit") == "5");
        Assert.DoesNotContain(events, e => Text(e, "kind") == "Routed" && Text(e, "detail")!.StartsWith("Forward", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => Text(e, "kind") == "Answered");
    }

    [Theory]
    [InlineData("2026-12-01 10:00", "2041")]
    [InlineData("2026-12-01 22:00", "2090")]
    [InlineData("2026-12-05 10:00", "2090")]
    public async Task A_home_care_district_rings_its_own_phone_by_day_and_the_night_watch_otherwise(string at, string answers)
    {
        await using var server = await ServerProcess.StartAsync("--at", at);
        var phonePort = FreePort.Next();
        await Sipp.RegisterAsync(answers, server.SipPort, phonePort);
        var phone = Sipp.RunAsync("uas_answer.xml", server.SipPort, phonePort);
        Assert.True(await FreePort.WaitUntilBoundAsync(phonePort, TimeSpan.FromSeconds(10)), "the phone's SIPp did not start");

        var caller = await Sipp.RunAsync("uac_call_bye.xml", server.SipPort, FreePort.Next(), ("username", "20304050"), ("password", "-"), ("callee", "54732041"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var answered = await phone;
        Assert.True(answered.ExitCode == 0, $"phone {answers}: {answered}\n{server.Output}");
        var events = await server.EventsAsync();
        Assert.Contains(events, e => Text(e, "kind") == "Answered" && Text(e, "answeredBy") == answers);
    }

    [Fact]
    public async Task In_telephone_hours_the_main_number_greets_and_rings_the_switchboard()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        var operatorPort = FreePort.Next();
        await Sipp.RegisterAsync("101", server.SipPort, operatorPort);
        var operatorPhone = Sipp.RunAsync("uas_answer.xml", server.SipPort, operatorPort);
        Assert.True(await FreePort.WaitUntilBoundAsync(operatorPort, TimeSpan.FromSeconds(10)), "the operator's SIPp did not start");

        var caller = await Sipp.RunAsync("uac_call_hold_bye.xml", server.SipPort, FreePort.Next(), ("username", "20304050"), ("password", "-"), ("callee", "54731000"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var answered = await operatorPhone;
        Assert.True(answered.ExitCode == 0, $"operator: {answered}\n{server.Output}");
        var events = await server.EventsAsync();
        Assert.Contains(events, e => Is(e, "Routed", "Queue hovedomstilling"));
        Assert.Contains(events, e => Text(e, "kind") == "Answered" && Text(e, "answeredBy") == "101");
    }

    /// <summary>An event of the kind whose detail starts with <paramref name="detail"/> (the rule that decided follows in brackets).</summary>
    private static bool Is(JsonElement e, string kind, string detail) =>
        Text(e, "kind") == kind && Text(e, "detail") is { } text && text.StartsWith(detail, StringComparison.Ordinal);
}
