using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;
using Omstilling.Calls.Queues;
using Omstilling.Media.Prompts;
using Omstilling.Policy.Model;
using Omstilling.Policy.Outbound;
using Omstilling.Calls.Routing;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The switchboard console's way into calls: commands by call id and operator extension, and
/// views of calls for the live board. A command finds the call and hands the call's
/// <see cref="Transfers"/> the operator's wish under the call's lock (<see cref="Call.Command"/>),
/// so two operators acting at once get one answer each. Kept apart from <see cref="CallManager"/>,
/// which answers SIP: this side knows no requests, that side no operators. Thread-safe.
/// </summary>
internal sealed partial class SwitchboardControl(CallManager calls, QueueManager queues, PromptLibrary prompts, ILogger<SwitchboardControl> logger) : ISwitchboardControl
{
    /// <summary>
    /// The calls in progress that the switchboard has to do with (queued, answered by an operator,
    /// being transferred), as the console shows them. Menus, messages and calls between colleagues
    /// are not taken: a busy day's other calls cost the consoles nothing.
    /// </summary>
    public IReadOnlyList<CallView> Snapshots() =>
        [.. calls.Live.Where(c => c.OnBoard).Select(c => c.Snapshot()).Where(v => v.State != CallState.Ended).OrderBy(v => v.StartedAt)];

    public CallView? Snapshot(Guid callId) => calls.Find(callId)?.Snapshot();

    public IReadOnlyList<CallView> CallsInvolving(string extension) =>
        [.. calls.Live.Where(c => c.Involves(extension)).Select(c => c.Snapshot())];

    public CallControlResult Pick(Guid callId, string op)
    {
        if (calls.Find(callId) is not { HasEnded: false } call)
        {
            return CallControlResult.NoSuchCall;
        }

        return queues.Pick(call, op) switch
        {
            PickResult.Offered => CallControlResult.Done,
            PickResult.TakenByOther => CallControlResult.TakenByOther,
            PickResult.NotWaiting => CallControlResult.NotNow,
            PickResult.NotFree => CallControlResult.TargetUnavailable,
            _ => throw new System.Diagnostics.UnreachableException($"PickResult"),
        };
    }

    public CallControlResult Hold(Guid callId, string op) => Run(callId, t => t.Hold(op));

    public CallControlResult TakeOffHold(Guid callId, string op) => Run(callId, t => t.TakeOffHold(op));

    public CallControlResult HangUp(Guid callId, string op) => Run(callId, t => t.HangUp(op));

    /// <summary>
    /// Puts the caller through to <paramref name="target"/> at once; with <paramref name="announceName"/>
    /// the caller first hears "Du bliver stillet om til" and the name (spoken with espeak-ng the first
    /// time, then kept).
    /// </summary>
    public async Task<CallControlResult> BlindTransferAsync(Guid callId, string op, string target, string? targetName, bool announceName, CancellationToken cancellationToken)
    {
        if (calls.Find(callId) is not { } call)
        {
            return CallControlResult.NoSuchCall;
        }

        if (!calls.IsKnownTarget(target))
        {
            return CallControlResult.UnknownTarget;
        }

        IReadOnlyList<string>? announcement = null;
        if (announceName && !string.IsNullOrWhiteSpace(targetName))
        {
            try
            {
                announcement = ["stilles-om-til", await NamePromptAsync(targetName, cancellationToken)];
            }
            catch (Exception e) when (e is Omstilling.Media.Audio.AudioFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // No speech of the name (espeak-ng missing, a full disk): the transfer goes ahead without it.
                LogNameNotSpoken(e, targetName);
            }
        }

        return call.Command(t => t.Blind(op, target, targetName, announcement));
    }

    public CallControlResult StartConsultation(Guid callId, string op, string target, string? targetName) =>
        calls.IsKnownTarget(target) ? Run(callId, t => t.Consult(op, target, targetName)) : CallControlResult.UnknownTarget;

    public CallControlResult CompleteTransfer(Guid callId, string op) => Run(callId, t => t.Complete(op));

    public CallControlResult ReturnToCaller(Guid callId, string op) => Run(callId, t => t.Return(op));

    public CallControlResult CampOn(Guid callId, string op, string target, string? targetName) =>
        calls.IsKnownTarget(target) ? Run(callId, t => t.CampOn(op, target, targetName)) : CallControlResult.UnknownTarget;

    public CallControlResult TransferToVoicemail(Guid callId, string op, string box) => Run(callId, t => t.ToVoicemail(op, box));

    public CallControlResult CallBack(string op, string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(op);
        ArgumentNullException.ThrowIfNull(number);
        var operatorPhones = calls.Bindings.Lookup(op);
        if (operatorPhones.Count == 0 || calls.Activity.StateOf(op) != PhoneState.Idle)
        {
            return CallControlResult.NotNow;
        }

        var citizen = number.Trim();
        if (calls.IsExtension(citizen))
        {
            var phones = calls.Bindings.Lookup(citizen);
            if (phones.Count == 0)
            {
                return CallControlResult.TargetUnavailable;
            }

            calls.StartCallBack(op, citizen, operatorPhones, phones, viaTrunk: false, citizenSees: op);
            return CallControlResult.Done;
        }

        // A number as staff write it ("54 73 10 00", "+46 8 123 456 78", "0046812345678"); letters are a typo, not an attempt.
        var typed = DanishNumber.TryNormalizeExternal(citizen, out var normalized) ? normalized : citizen;
        if (typed.Length == 0 || !typed.All(c => char.IsAsciiDigit(c) || c == '+'))
        {
            return CallControlResult.UnknownTarget;
        }

        var verdict = calls.Outbound.Check(op, typed, OutboundPath.CallBack, null);
        switch (verdict.Outcome)
        {
            case OutboundOutcome.Allowed:
                break;
            case OutboundOutcome.NotANumber or OutboundOutcome.Malformed:
                return CallControlResult.UnknownTarget;
            case OutboundOutcome.ClassOfService or OutboundOutcome.NotAllowedByPolicy:
                return CallControlResult.NotAllowed;
            default:
                throw new System.Diagnostics.UnreachableException($"OutboundOutcome {verdict.Outcome}");
        }

        if (calls.Trunk is not { } trunk)
        {
            return CallControlResult.TargetUnavailable;
        }

        // The citizen sees the municipality's main number (the switchboard they called), else the operator's extension.
        var sees = calls.Policy?.MainNumber is { Length: > 0 } main && DanishNumber.TryParse(main, out var mainNumber) ? mainNumber.National : op;
        calls.StartCallBack(op, verdict.Number!, operatorPhones, [BranchDialer.TrunkBinding(trunk, verdict)], viaTrunk: true, citizenSees: sees);
        return CallControlResult.Done;
    }

    private CallControlResult Run(Guid callId, Func<Transfers, CallControlResult> command) =>
        calls.Find(callId)?.Command(command) ?? CallControlResult.NoSuchCall;

    /// <summary>The name spoken as a prompt of its own ("navn-anne-soerensen"), made once with espeak-ng.</summary>
    private async Task<string> NamePromptAsync(string name, CancellationToken cancellationToken)
    {
        var ascii = DanishPhrases.Ascii(name.Trim().ToLowerInvariant());
        var key = "navn-" + string.Concat(ascii.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        await prompts.EnsureAsync(key, name.Trim(), cancellationToken);
        return key;
    }

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "The name {Name} could not be spoken; the transfer goes ahead without it")]
    private partial void LogNameNotSpoken(Exception exception, string name);
}
