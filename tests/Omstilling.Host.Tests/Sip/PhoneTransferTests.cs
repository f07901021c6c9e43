using System.Globalization;
using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>A server on a Tuesday at 10:00, when Jens Hansen's public direct number (54 73 20 55) rings his phone, 2050.</summary>
public sealed class TuesdayServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>
/// Transfers from real softphones (baresip 1.0, whose transfer key is a blind REFER): a citizen
/// (a phone with no account, calling a public direct number) talks to Jens (2050), who transfers
/// them to 2051. Taken: the citizen and 2051 hear each other (each phone's tone is its own
/// frequency). Not taken: the call comes back to Jens's phone; when Jens is busy, to the head of
/// the switchboard's queue. A transfer to 9 ("fejlopkald") puts the caller in the switchboard's
/// queue marked as passed back; the citizen's own REFER (SIPp) is refused. The phones hang up
/// at the end of each test: a phone left in a call would make Jens busy for the next.
/// </summary>
[Collection(nameof(PhoneTransferTests))]
public sealed class PhoneTransferTests(TuesdayServerFixture fixture) : IClassFixture<TuesdayServerFixture>
{
    private const string JensDirect = "54732055";
    private const int CitizenTone = 700;
    private const int ColleagueTone = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_blind_transfer_from_the_phone_is_taken_and_the_citizen_and_the_colleague_hear_each_other()
    {
        var server = fixture.Server;
        await using var jens = await StaffAsync("2050", autoAnswer: true, tone: 440);
        await using var colleague = await StaffAsync("2051", autoAnswer: true, tone: ColleagueTone);
        await using var citizen = await Baresip.StartAsync("40000001", server.SipPort, autoAnswer: false, toneHz: CitizenTone, register: false);

        await TalkToJensAsync(citizen, jens);
        await jens.TransferAsync(Uri("2051"));

        Assert.True(await colleague.WaitForEventAsync("CALL_ESTABLISHED", Wait), colleague.Log + server.Output);
        Assert.True(await jens.WaitForEventAsync("CALL_CLOSED", Wait), "the transferring phone is released\n" + jens.Log);
        Assert.True(await server.WaitForEventAsync("TransferCompleted", null, e => CallEvents.Text(e, "party") == "2051" && CallEvents.Text(e, "operator") == "2050"), server.Output);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await citizen.HangUpAsync();
        Assert.True(await colleague.WaitForEventAsync("CALL_CLOSED", Wait), colleague.Log);

        Assert.InRange(await LastToneAsync(citizen), ColleagueTone - 40, ColleagueTone + 40);
        Assert.InRange(await LastToneAsync(colleague), CitizenTone - 40, CitizenTone + 40);
    }

    [Fact]
    public async Task A_transfer_the_colleague_does_not_answer_comes_back_to_the_phone_that_made_it()
    {
        var server = fixture.Server;
        await using var jens = await StaffAsync("2050", autoAnswer: true, tone: 440);
        await using var colleague = await StaffAsync("2053", autoAnswer: false, tone: ColleagueTone);
        await using var citizen = await Baresip.StartAsync("40000002", server.SipPort, autoAnswer: false, toneHz: CitizenTone, register: false);

        await TalkToJensAsync(citizen, jens);
        await jens.TransferAsync(Uri("2053"));
        Assert.True(await colleague.WaitForEventAsync("CALL_INCOMING", Wait), colleague.Log + server.Output);

        Assert.True(await Eventually.ReachedAsync(() => jens.CountEvents("CALL_ESTABLISHED") == 2, TimeSpan.FromSeconds(30)), "the call comes back to 2050\n" + jens.Log + server.Output);
        Assert.True(await server.WaitForEventAsync("Recalled", "no answer", e => CallEvents.Text(e, "party") == "2053" && CallEvents.Text(e, "operator") == "2050", TimeSpan.FromSeconds(10)), server.Output);
        await citizen.HangUpAsync();
    }

    [Fact]
    public async Task A_transfer_that_comes_back_while_the_person_is_busy_waits_first_in_the_switchboards_queue()
    {
        var server = fixture.Server;
        await using var jens = await StaffAsync("2050", autoAnswer: true, tone: 440);
        await using var colleague = await StaffAsync("2055", autoAnswer: false, tone: ColleagueTone);
        await using var citizen = await Baresip.StartAsync("40000003", server.SipPort, autoAnswer: false, toneHz: CitizenTone, register: false);

        await TalkToJensAsync(citizen, jens);
        await jens.TransferAsync(Uri("2055"));
        Assert.True(await jens.WaitForEventAsync("CALL_CLOSED", Wait), jens.Log);
        await jens.DialAsync(Uri("8000")); // busy on the echo test when the transfer comes back

        Assert.True(await server.WaitForEventAsync("Recalled", "no answer", e => CallEvents.Text(e, "party") == "2055" && CallEvents.Text(e, "operator") is null, TimeSpan.FromSeconds(40)), server.Output);
        Assert.True(await server.WaitForEventAsync("Queued", "hovedomstilling: 1", e => CallEvents.Text(e, "caller") == "40000003"), server.Output);
        await citizen.HangUpAsync();
        await jens.HangUpAsync();
    }

    [Fact]
    public async Task A_citizens_refer_is_refused_and_the_call_goes_on()
    {
        var server = fixture.Server;
        await using var jens = await StaffAsync("2050", autoAnswer: true, tone: 440);

        var citizen = await Sipp.RunLongAsync(
            "uac_refer_refused.xml", server.SipPort, FreePort.Next(), TimeSpan.Zero, TimeSpan.FromSeconds(30), ("callee", JensDirect), ("caller", "40000005"), ("target", "2057"));

        Assert.True(citizen.ExitCode == 0, citizen + server.Output);
        Assert.True(await jens.WaitForEventAsync("CALL_CLOSED", Wait), jens.Log);
        Assert.DoesNotContain(await server.EventsAsync(), e => CallEvents.Text(e, "kind") == "TransferStarted" && CallEvents.Text(e, "caller") == "40000005");
    }

    [Fact]
    public async Task Fejlopkald_to_9_puts_the_citizen_in_the_switchboards_queue_marked_as_passed_back()
    {
        var server = fixture.Server;
        await using var jens = await StaffAsync("2050", autoAnswer: true, tone: 440);
        await using var citizen = await Baresip.StartAsync("40000004", server.SipPort, autoAnswer: false, toneHz: CitizenTone, register: false);

        await TalkToJensAsync(citizen, jens);
        await jens.TransferAsync(Uri("9"));

        Assert.True(await server.WaitForEventAsync("Recalled", "passed back", e => CallEvents.Text(e, "party") == "2050" && CallEvents.Text(e, "caller") == "40000004"), server.Output);
        Assert.True(await server.WaitForEventAsync("Queued", "hovedomstilling: 1", e => CallEvents.Text(e, "caller") == "40000004"), server.Output);
        Assert.True(await jens.WaitForEventAsync("CALL_CLOSED", Wait), jens.Log);
        await citizen.HangUpAsync();
    }

    private string Uri(string number) => $"sip:{number}@127.0.0.1:{fixture.Server.SipPort.ToString(CultureInfo.InvariantCulture)}";

    private async Task<Baresip> StaffAsync(string extension, bool autoAnswer, int tone)
    {
        var phone = await Baresip.StartAsync(extension, fixture.Server.SipPort, autoAnswer, toneHz: tone);
        Assert.True(await phone.WaitUntilRegisteredAsync(Wait), phone.Log);
        return phone;
    }

    /// <summary>The citizen calls Jens's public direct number and his phone answers.</summary>
    private async Task TalkToJensAsync(Baresip citizen, Baresip jens)
    {
        await citizen.DialAsync(Uri(JensDirect));
        Assert.True(await jens.WaitForEventAsync("CALL_ESTABLISHED", Wait), jens.Log + fixture.Server.Output);
        Assert.True(await citizen.WaitForEventAsync("CALL_ESTABLISHED", Wait), citizen.Log);
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    /// <summary>The frequency of the last second the phone heard before its call closed.</summary>
    private static async Task<double> LastToneAsync(Baresip phone)
    {
        var samples = await phone.ReadHeardAsync();
        Assert.True(samples.Length > 16000, $"{phone.Extension} heard only {samples.Length} samples");
        return Signal.Frequency(samples.AsSpan(samples.Length - 12000, 8000), 8000);
    }
}
