using Omstilling.Calls.Control;
using Omstilling.Calls.Events;
using Omstilling.Policy.Routing;

namespace Omstilling.Calls.Tests.Events;

public sealed class CallEventTests
{
    private static readonly CallEvent Any = new(Guid.NewGuid(), CallEventKind.Started, DateTimeOffset.UnixEpoch, "+4512345678", "54731000");

    public static TheoryData<CallEventKind> Kinds() => [.. Enum.GetValues<CallEventKind>()];

    /// <summary>A new kind must say how it is put in words (the status API's detail), or this fails.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_described(CallEventKind kind) => _ = (Any with { Kind = kind }).Describe();

    [Fact]
    public void The_status_apis_detail_keeps_its_wording()
    {
        Assert.Equal("Menu efter-lukketid (AfterClosing)", (Any with { Kind = CallEventKind.Routed, Decision = DecisionKind.Menu, Target = "efter-lukketid", Rule = RuleKind.AfterClosing }).Describe());
        Assert.Equal("Hangup (ManualOverride)", (Any with { Kind = CallEventKind.Routed, Decision = DecisionKind.Hangup, Rule = RuleKind.ManualOverride }).Describe());
        Assert.Equal("efter-lukketid: Teknik og Miljø", (Any with { Kind = CallEventKind.MenuChoice, MenuId = "efter-lukketid", MenuOption = "Teknik og Miljø" }).Describe());
        Assert.Equal("efter-lukketid: no key", (Any with { Kind = CallEventKind.InvalidChoice, MenuId = "efter-lukketid" }).Describe());
        Assert.Equal("hovedomstilling: 2", (Any with { Kind = CallEventKind.Queued, QueueId = "hovedomstilling", Position = 2 }).Describe());
        Assert.Equal("2", (Any with { Kind = CallEventKind.PositionAnnounced, QueueId = "hovedomstilling", Position = 2 }).Describe());
        Assert.Equal("100,101", (Any with { Kind = CallEventKind.Offered, Members = ["100", "101"] }).Describe());
        Assert.Equal("no answer", (Any with { Kind = CallEventKind.TransferFailed, Outcome = RingOutcome.NoAnswer }).Describe());
        Assert.Equal("returned", (Any with { Kind = CallEventKind.TransferFailed, Outcome = RingOutcome.Returned }).Describe());
        Assert.Equal("announced", (Any with { Kind = CallEventKind.TransferStarted, Transfer = TransferKind.Announced }).Describe());
        Assert.Equal("voicemail", (Any with { Kind = CallEventKind.TransferStarted, VoicemailBox = "2011" }).Describe());
        Assert.Equal("answered elsewhere", (Any with { Kind = CallEventKind.RingEnded, RingEnd = RingEndReason.AnsweredElsewhere }).Describe());
        Assert.Equal("hovedomstilling: waited 30 s", (Any with { Kind = CallEventKind.QueueTimedOut, QueueId = "hovedomstilling", Waited = TimeSpan.FromSeconds(30) }).Describe());
        Assert.Null((Any with { Kind = CallEventKind.Answered, AnsweredBy = "100" }).Describe());
    }
}
