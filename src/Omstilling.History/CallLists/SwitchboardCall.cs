namespace Omstilling.History.CallLists;

/// <summary>
/// One of today's calls the switchboard handled, as its record says: when, who called, the menu
/// path ("menu:option" joined by " > "), who answered, the last transfer's target and what became
/// of it (Completed, Voicemail, Unfinished or a RingOutcome's name), recalls, and who marked it
/// "fejlstillet". Immutable.
/// </summary>
public sealed record SwitchboardCall(
    Guid CallId,
    DateTimeOffset ArrivedAt,
    string Caller,
    string? MenuPath,
    string? AnsweredBy,
    string? TransferTarget,
    string? TransferOutcome,
    int Recalls,
    bool Abandoned,
    string? VoicemailBox,
    string? MisroutedBy)
{
    /// <summary>The call was up when the platform stopped without a shutdown, and was closed at the next start.</summary>
    public bool CutOffByRestart { get; init; }

    /// <summary>Whether the call was put through to a person who took it: what an operator may mark "fejlstillet".</summary>
    public bool PutThrough => TransferOutcome == CallRecordBuilder.Completed && TransferTarget is not null;
}
