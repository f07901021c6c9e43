using Omstilling.Calls.Control;

namespace Omstilling.Web.Tests.Console;

/// <summary>The engine's console interface, written down: every command it is given, and the answer the test chose.</summary>
internal sealed class FakeSwitchboardControl : ISwitchboardControl
{
    /// <summary>The commands in the order given, as "Pick 100 {call id}", "Hold 100", "CampOn 100 2050".</summary>
    public List<string> Commands { get; } = [];

    /// <summary>What every command answers.</summary>
    public CallControlResult Answer { get; set; } = CallControlResult.Done;

    public IReadOnlyList<CallView> Snapshots() => [];

    public CallView? Snapshot(Guid callId) => null;

    public IReadOnlyList<CallView> CallsInvolving(string extension) => [];

    public CallControlResult Pick(Guid callId, string op) => Given($"Pick {op} {callId}");

    public CallControlResult Hold(Guid callId, string op) => Given($"Hold {op}");

    public CallControlResult TakeOffHold(Guid callId, string op) => Given($"TakeOffHold {op}");

    public CallControlResult HangUp(Guid callId, string op) => Given($"HangUp {op}");

    public Task<CallControlResult> BlindTransferAsync(Guid callId, string op, string target, string? targetName, bool announceName, CancellationToken cancellationToken) =>
        Task.FromResult(Given($"BlindTransfer {op} {target} {(announceName ? "announced" : "silent")}"));

    public CallControlResult StartConsultation(Guid callId, string op, string target, string? targetName) => Given($"StartConsultation {op} {target}");

    public CallControlResult CompleteTransfer(Guid callId, string op) => Given($"CompleteTransfer {op}");

    public CallControlResult ReturnToCaller(Guid callId, string op) => Given($"ReturnToCaller {op}");

    public CallControlResult CampOn(Guid callId, string op, string target, string? targetName) => Given($"CampOn {op} {target}");

    public CallControlResult TransferToVoicemail(Guid callId, string op, string box) => Given($"TransferToVoicemail {op} {box}");

    public CallControlResult CallBack(string op, string number) => Given($"CallBack {op} {number}");

    private CallControlResult Given(string command)
    {
        Commands.Add(command);
        return Answer;
    }
}
