using System.Diagnostics;
using Omstilling.Calls.Queues;

namespace Omstilling.Web.Console;

/// <summary>
/// An operator's state as the console says it, worked out from one board snapshot: the status bar
/// and the list of operators say the same as the queue ("Ringer hos 100" and "100 · Ringer"),
/// even when the queue's offer is seen before the phone's own ringing. Immutable.
/// </summary>
/// <param name="LoggedIn">In the queue (not logged out on the console), whatever their phone does.</param>
/// <param name="PauseReason">Why they are paused (also while their phone rings or they talk), or null.</param>
public sealed record OperatorStatus(string Extension, OperatorActivity Activity, bool LoggedIn, string? PauseReason)
{
    /// <summary>The reason the console gives the queue for a pause without one (the queue needs a word).</summary>
    public const string PlainPause = "Pause";

    /// <summary>
    /// The operator's status: a call comes first, then ringing (their phone's, or a waiting caller
    /// offered to them), then the phone's registration, the login and the pause.
    /// </summary>
    public static OperatorStatus Of(MemberState member, IReadOnlyList<QueueEntry> waiting)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(waiting);
        var offered = waiting.Any(w => w.OfferedTo.Contains(member.Extension, StringComparer.Ordinal));
        var activity = member switch
        {
            { Phone: PhoneState.Busy } => OperatorActivity.InCall,
            { Phone: PhoneState.Ringing } => OperatorActivity.Ringing,
            _ when offered => OperatorActivity.Ringing,
            { Registered: false } => OperatorActivity.PhoneOffline,
            { LoggedIn: false } => OperatorActivity.LoggedOut,
            { PausedReason: not null } => OperatorActivity.Paused,
            _ => OperatorActivity.Ready,
        };
        return new OperatorStatus(member.Extension, activity, member.LoggedIn, member.PausedReason);
    }

    /// <summary>"Klar", "Ringer", "I samtale", "Pause: Frokost", ...</summary>
    public string Text => Activity switch
    {
        OperatorActivity.InCall => "I samtale",
        OperatorActivity.Ringing => "Ringer",
        OperatorActivity.PhoneOffline => "Telefon ikke logget på",
        OperatorActivity.LoggedOut => "Logget ud af køen",
        OperatorActivity.Paused => PauseReason is null or PlainPause ? "Pause" : "Pause: " + PauseReason,
        OperatorActivity.Ready => "Klar",
        _ => throw new UnreachableException($"Not an operator activity: {Activity}"),
    };

    /// <summary>The colour of the state (omstilling.css).</summary>
    public string CssClass => Activity switch
    {
        OperatorActivity.InCall => "state-busy",
        OperatorActivity.Ringing => "state-ringing",
        OperatorActivity.PhoneOffline or OperatorActivity.LoggedOut => "state-offline",
        OperatorActivity.Paused => "state-paused",
        OperatorActivity.Ready => "state-idle",
        _ => throw new UnreachableException($"Not an operator activity: {Activity}"),
    };
}
