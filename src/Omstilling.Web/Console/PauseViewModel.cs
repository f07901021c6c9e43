using Omstilling.Calls.Control;

namespace Omstilling.Web.Console;

/// <summary>
/// The operator's place in the queue on the status bar: pause (with a reason), ready again, log
/// out of the queue and in. Not thread-safe: one per console, used on its circuit.
/// </summary>
public sealed class PauseViewModel(IQueueMembers queues, string? me)
{
    /// <summary>
    /// The dropdown beside the "Pause" button, first the pause without a reason: its label does not
    /// repeat the button's word, and the queue is given the plain word.
    /// </summary>
    public static readonly IReadOnlyList<PauseChoice> Choices =
    [
        new("Uden årsag", OperatorStatus.PlainPause),
        new("Frokost", "Frokost"),
        new("Møde", "Møde"),
        new("Administrativt arbejde", "Administrativt arbejde"),
        new("Oplæring", "Oplæring"),
    ];

    /// <summary>The reason chosen in the dropdown (a <see cref="PauseChoice.Reason"/>).</summary>
    public string Reason { get; set; } = Choices[0].Reason;

    /// <summary>What the status bar offers, from the operator's state in the last snapshot.</summary>
    public PauseControls Controls { get; private set; } = PauseControls.None;

    /// <param name="mine">The operator's state in the queue; null for a user who is no member of it (or has no phone).</param>
    public void Apply(OperatorStatus? mine) => Controls =
        mine is null ? PauseControls.None
        : !mine.LoggedIn ? PauseControls.LogIn
        : mine.PauseReason is not null ? PauseControls.Ready
        : PauseControls.PauseOrLogOut;

    /// <summary>Alt+P: a pause with the chosen reason, or ready again.</summary>
    public void Toggle()
    {
        if (me is null)
        {
            return;
        }

        if (queues.PauseReason(me) is null)
        {
            queues.Pause(me, Choices.Any(c => c.Reason == Reason) ? Reason : OperatorStatus.PlainPause);
        }
        else
        {
            queues.EndPause(me);
        }
    }

    public void LogIn()
    {
        if (me is not null)
        {
            queues.LogIn(me);
        }
    }

    public void LogOut()
    {
        if (me is not null)
        {
            queues.LogOut(me);
        }
    }
}
