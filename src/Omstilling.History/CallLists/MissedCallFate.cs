namespace Omstilling.History.CallLists;

/// <summary>What became of a call that rang a person's phone and that they did not take.</summary>
public enum MissedCallFate
{
    /// <summary>Nobody took it, and the caller did not give up while waiting (it ended otherwise).</summary>
    NotAnswered,

    /// <summary>The caller hung up while waiting or while phones rang (docs/history.md, "Abandoned").</summary>
    CallerGaveUp,

    /// <summary>The caller left a voicemail.</summary>
    Voicemail,

    /// <summary>The switchboard took it (an operator answered it, or it came back to one).</summary>
    Switchboard,

    /// <summary>A colleague answered it (<see cref="MissedCall.TakenBy"/>).</summary>
    AnsweredByColleague,

    /// <summary>It was put through to a colleague, who took it (<see cref="MissedCall.TakenBy"/>).</summary>
    PutThroughToColleague,
}
