namespace Omstilling.Calls.Control;

/// <summary>When a person's calls go elsewhere: the usual phone codes *21* (always), *67* (on busy), *61* (on no answer).</summary>
public enum ForwardCondition
{
    Always,
    Busy,
    NoAnswer,
}

/// <summary>
/// Staff forwarding as the call engine needs it: where a person's calls go, and the forwarding
/// feature codes keyed on a phone. The directory's forwarding book answers it outside the engine.
/// Implementations are thread-safe and do not block: calls ask under their lock.
/// </summary>
public interface IStaffForwarding
{
    /// <summary>Where calls to the person at <paramref name="extension"/> go on the condition, or null.</summary>
    CallForwarding? ForwardingOf(string extension, ForwardCondition condition);

    /// <summary>Forwards the calls of the person at <paramref name="extension"/> on the condition to <paramref name="target"/> (already checked by the engine: an extension, a number of the plan, or a number outside the person may call).</summary>
    PhoneForwardingResult SetFromPhone(string extension, ForwardCondition condition, string target, DateTimeOffset now);

    /// <summary>Cancels the forwarding of the person at <paramref name="extension"/> on the condition.</summary>
    PhoneForwardingResult ClearFromPhone(string extension, ForwardCondition condition);
}

/// <summary>A forwarding in force: whose it is (the name the receiving phone shows) and the number calls go to.</summary>
public sealed record CallForwarding(string PersonName, string Target);

/// <summary>What a forwarding feature code did; each has its own short prompt.</summary>
public enum PhoneForwardingResult
{
    Set,
    Cleared,
    /// <summary>A cancel code with no forwarding on that condition.</summary>
    NothingToClear,
    /// <summary>The number leads nowhere.</summary>
    UnknownTarget,
    /// <summary>A number outside the person may not call (toll fraud: their class of service, or the policy's outbound patterns).</summary>
    NotAllowed,
    /// <summary>The person's own extension or number.</summary>
    OwnNumber,
    /// <summary>The extension belongs to no person in the directory.</summary>
    NotAPerson,
}

/// <summary>
/// Where a forwarding may go, by the rules of a phone's transfer (the engine's, the same for the
/// phone codes and the staff web page). Thread-safe.
/// </summary>
public interface IForwardingRules
{
    /// <summary>
    /// Checks <paramref name="number"/> as a forwarding target for <paramref name="extension"/>:
    /// <see cref="PhoneForwardingResult.Set"/> with the number to keep (a person's extension, the
    /// main number, a department's number), or why not.
    /// </summary>
    ForwardingTargetCheck Check(string extension, string number);
}

/// <summary>The outcome of <see cref="IForwardingRules.Check"/>: <see cref="PhoneForwardingResult.Set"/> and the number to keep, or the refusal.</summary>
public readonly record struct ForwardingTargetCheck(PhoneForwardingResult Result, string? Target)
{
    /// <summary>For <see cref="PhoneForwardingResult.NotAllowed"/>: why, as staff read it (a Danish sentence).</summary>
    public string? Refusal { get; init; }
}

/// <summary>No forwarding anywhere: a platform without a staff directory.</summary>
public sealed class NoStaffForwarding : IStaffForwarding
{
    public CallForwarding? ForwardingOf(string extension, ForwardCondition condition) => null;

    public PhoneForwardingResult SetFromPhone(string extension, ForwardCondition condition, string target, DateTimeOffset now) => PhoneForwardingResult.NotAPerson;

    public PhoneForwardingResult ClearFromPhone(string extension, ForwardCondition condition) => PhoneForwardingResult.NotAPerson;
}

/// <summary>What the engine asks about staff: absence and forwarding (the directory behind both), and their voicemail boxes.</summary>
public sealed record StaffState(IStaffAbsence Absence, IStaffForwarding Forwarding)
{
    /// <summary>How many messages wait in each voicemail box, for the phones' lamps (none without voicemail).</summary>
    public IMessageWaiting MessageWaiting { get; init; } = new NoMessageWaiting();

    /// <summary>Which numbers outside each account may call (everyone national without a directory).</summary>
    public IStaffClassOfService ClassOfService { get; init; } = new NationalClassOfService();

    /// <summary>The voicemail boxes: greetings, messages kept, the voicemail number; null keeps recordings as files only (<see cref="Voicemail.FolderVoicemailBoxes"/>).</summary>
    public IVoicemailBoxes? Voicemail { get; init; }

    /// <summary>No directory: nobody is away, nothing is forwarded.</summary>
    public static StaffState None { get; } = new(new NoStaffAbsence(), new NoStaffForwarding());
}
