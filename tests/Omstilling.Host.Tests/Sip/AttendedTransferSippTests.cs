using Omstilling.Host.Tests.Support;

namespace Omstilling.Host.Tests.Sip;

/// <summary>
/// An attended transfer with Replaces (RFC 3891) sent by SIPp the way desk phones send it. SIPp
/// holds one dialog per scenario, so the phone's two lines are two SIPp processes on the same
/// account: the second line (uac_consultation.xml) calls the colleague 2051 first and writes its
/// dialog's identifiers to a file; the first line (uas_answer_then_refer_replaces.xml) then
/// answers a caller who dialled Jens Hansen's direct number (54 73 20 55, his extension 2050) and
/// sends the REFER with that Replaces. The server joins the caller and 2051, hangs up both of the
/// phone's lines, and ends the consultation call as transferred. The order (consultation first) is
/// the liberty taken, and so the caller is a colleague (2003): a citizen would find Jens busy on
/// his second line and be sent to the switchboard, as the policy says for a busy direct line.
/// </summary>
public sealed class AttendedTransferSippTests
{
    [Fact]
    public async Task A_desk_phones_refer_with_replaces_joins_the_caller_and_the_colleague_and_ends_both_lines()
    {
        await using var server = await ServerProcess.StartAsync("--at", "2026-12-01 10:00");
        var folder = System.IO.Directory.CreateTempSubdirectory("omstilling-attended-").FullName;
        var dialog = Path.Combine(folder, "consultation.csv");

        var colleaguePort = FreePort.Next();
        await Sipp.RegisterAsync("2051", server.SipPort, colleaguePort);
        var colleague = Sipp.RunLongAsync("uas_answer.xml", server.SipPort, colleaguePort, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.True(await FreePort.WaitUntilBoundAsync(colleaguePort, TimeSpan.FromSeconds(10)), "the colleague's SIPp did not start");
        var secondLine = Sipp.RunLongAsync(
            "uac_consultation.xml", server.SipPort, FreePort.Next(), TimeSpan.Zero, TimeSpan.FromSeconds(60), ["-cid_str", "consultation-%u-%p"],
            ("username", "2050"), ("password", "demo2050"), ("callee", "2051"), ("dialogfile", dialog));
        Assert.True(await Eventually.ReachedAsync(() => File.Exists(dialog), TimeSpan.FromSeconds(15)), $"the consultation was not answered: {(secondLine.IsCompleted ? await secondLine : null)}\n{server.Output}");

        var firstLinePort = FreePort.Next();
        await Sipp.RegisterAsync("2050", server.SipPort, firstLinePort);
        var firstLine = Sipp.RunLongAsync(
            "uas_answer_then_refer_replaces.xml", server.SipPort, firstLinePort, TimeSpan.Zero, TimeSpan.FromSeconds(60), ["-inf", dialog], ("target", "2051"));
        Assert.True(await FreePort.WaitUntilBoundAsync(firstLinePort, TimeSpan.FromSeconds(10)), "the first line's SIPp did not start");
        var caller = await Sipp.RunLongAsync(
            "uac_call_pause_bye.xml", server.SipPort, FreePort.Next(), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60),
            ("username", "2003"), ("password", "demo2003"), ("callee", "54732055"));

        Assert.True(caller.ExitCode == 0, $"caller: {caller}\n{server.Output}");
        var first = await firstLine;
        Assert.True(first.ExitCode == 0, $"first line: {first}\n{server.Output}");
        var second = await secondLine;
        Assert.True(second.ExitCode == 0, $"second line: {second}\n{server.Output}");
        var answered = await colleague;
        Assert.True(answered.ExitCode == 0, $"colleague: {answered}\n{server.Output}");
        Assert.True(await server.WaitForEventAsync("TransferCompleted", null, e => CallEvents.Text(e, "party") == "2051" && CallEvents.Text(e, "operator") == "2050" && CallEvents.Text(e, "caller") == "2003"), server.Output);
        Assert.True(await server.WaitForEventAsync("TransferStarted", "announced", e => CallEvents.Text(e, "caller") == "2003"), server.Output);
        Assert.True(await server.WaitForEventAsync("Ended", null, e => CallEvents.Text(e, "endReason") == "Transferred" && CallEvents.Text(e, "caller") == "2050"), server.Output);
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
