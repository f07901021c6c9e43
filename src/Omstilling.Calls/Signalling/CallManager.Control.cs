using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Omstilling.Calls.Control;

namespace Omstilling.Calls.Signalling;

/// <summary>
/// The switchboard console's way into calls: commands by call id and operator extension, and
/// snapshots of calls for the live view. Each command is carried out under the call's own lock.
/// </summary>
public sealed partial class CallManager
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Call, byte>> _waitingForFree = new(StringComparer.Ordinal);

    /// <summary>
    /// The calls in progress that the switchboard has to do with (queued, answered by an operator,
    /// being transferred), as the console shows them. Menus, messages and calls between colleagues
    /// are not taken: a busy day's other calls cost the consoles nothing.
    /// </summary>
    public IReadOnlyList<CallView> Snapshots() =>
        [.. _calls.Values.OfType<Call>().Where(c => c.OnBoard).Select(c => c.Snapshot()).Where(v => v.State != CallState.Ended).OrderBy(v => v.StartedAt)];

    public CallView? Snapshot(Guid callId) => Find(callId)?.Snapshot();

    /// <summary>The calls the extension is a party of now (talking, consulting, or ringing for).</summary>
    public IReadOnlyList<CallView> CallsInvolving(string extension) =>
        [.. _calls.Values.OfType<Call>().Where(c => c.Involves(extension)).Select(c => c.Snapshot())];

    public CallControlResult Pick(Guid callId, string op) => Find(callId)?.Pick(op) ?? CallControlResult.NoSuchCall;

    public CallControlResult Hold(Guid callId, string op) => Find(callId)?.Hold(op) ?? CallControlResult.NoSuchCall;

    public CallControlResult TakeOffHold(Guid callId, string op) => Find(callId)?.TakeOffHold(op) ?? CallControlResult.NoSuchCall;

    public CallControlResult HangUp(Guid callId, string op) => Find(callId)?.HangUpBy(op) ?? CallControlResult.NoSuchCall;

    /// <summary>
    /// Puts the caller through to <paramref name="target"/> at once; with <paramref name="announceName"/>
    /// the caller first hears "Du bliver stillet om til" and the name (spoken with espeak-ng the first
    /// time, then kept).
    /// </summary>
    public async Task<CallControlResult> BlindTransferAsync(Guid callId, string op, string target, string? targetName, bool announceName, CancellationToken cancellationToken)
    {
        if (Find(callId) is not { } call)
        {
            return CallControlResult.NoSuchCall;
        }

        if (!IsKnownExtension(target))
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

        return call.BlindTransfer(op, target, targetName, announcement);
    }

    public CallControlResult StartConsultation(Guid callId, string op, string target, string? targetName) =>
        !IsKnownExtension(target) ? CallControlResult.UnknownTarget
        : Find(callId)?.StartConsultation(op, target, targetName) ?? CallControlResult.NoSuchCall;

    public CallControlResult CompleteTransfer(Guid callId, string op) => Find(callId)?.CompleteTransfer(op) ?? CallControlResult.NoSuchCall;

    public CallControlResult ReturnToCaller(Guid callId, string op) => Find(callId)?.ReturnToCaller(op) ?? CallControlResult.NoSuchCall;

    public CallControlResult CampOn(Guid callId, string op, string target, string? targetName) =>
        !IsKnownExtension(target) ? CallControlResult.UnknownTarget
        : Find(callId)?.CampOn(op, target, targetName) ?? CallControlResult.NoSuchCall;

    public CallControlResult TransferToVoicemail(Guid callId, string op, string box) =>
        Find(callId)?.TransferToVoicemail(op, box) ?? CallControlResult.NoSuchCall;

    /// <summary>Whether the extension is one of the switchboard's operators (or a member of its queue).</summary>
    internal bool IsOperator(string extension) => Policy?.Operators.Contains(extension) ?? false;

    /// <summary>The call waits for the extension's call to end (a camp-on).</summary>
    internal void WaitForFree(string extension, Call call) =>
        _waitingForFree.GetOrAdd(extension, static _ => new())[call] = 0;

    internal void StopWaitingForFree(string extension, Call call)
    {
        if (_waitingForFree.TryGetValue(extension, out var calls))
        {
            calls.TryRemove(call, out _);
        }
    }

    private void OnPartyFree(string extension)
    {
        if (_waitingForFree.TryGetValue(extension, out var calls) && !calls.IsEmpty)
        {
            // Raised from an event of another call: the waiting ones go on the thread pool, never under that call's lock.
            foreach (var call in calls.Keys)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static s => s.Call.OnPartyFree(s.Extension), (Call: call, Extension: extension), preferLocal: false);
            }
        }
    }

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "The name {Name} could not be spoken; the transfer goes ahead without it")]
    private partial void LogNameNotSpoken(Exception exception, string name);

    private Call? Find(Guid callId) => _calls.TryGetValue(callId, out var owner) ? owner as Call : null;

    private bool IsKnownExtension(string target) =>
        _dialPlan.IsExtension(target) || (Policy?.TryFindNumber(target, out _) ?? false);

    /// <summary>The name spoken as a prompt of its own ("navn-anne-soerensen"), made once with espeak-ng.</summary>
    private async Task<string> NamePromptAsync(string name, CancellationToken cancellationToken)
    {
        var ascii = Omstilling.Media.Prompts.DanishPhrases.Ascii(name.Trim().ToLowerInvariant());
        var key = "navn-" + string.Concat(ascii.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        await Prompts.EnsureAsync(key, name.Trim(), cancellationToken);
        return key;
    }
}
