namespace Omstilling.Simulator.Script;

/// <summary>
/// One synthetic citizen's call in a day's script, and how everyone in it behaves: decided when the
/// script is made (from the seed), so a run can be checked against the script afterwards.
/// </summary>
/// <param name="Number">1 for the day's first call.</param>
/// <param name="Arrival">When the citizen calls, as a time of the simulated day.</param>
/// <param name="Caller">The citizen's own number (what the operator sees).</param>
/// <param name="Dialled">The number they call: the switchboard's main number, or a direct number (<paramref name="Direct"/>).</param>
/// <param name="OptsIn">Presses 1 while the survey's invitation is read (if they are invited).</param>
/// <param name="SurveyAnswer">The key pressed for the survey's question (1-5), or null to give none.</param>
/// <param name="FirstOffer">What the operator offered the call first does.</param>
/// <param name="LaterOffer">What an operator offered it again does.</param>
/// <param name="GivesUpAfter">Hangs up when no operator has answered this long after the call was answered by the greeting; null: waits as long as it takes.</param>
/// <param name="Talk">How long the operator talks with them, in the simulated day (a run at speed N talks Talk / N).</param>
/// <param name="Transfer">Whom the operator puts them through to afterwards, or null when the operator helps them alone.</param>
/// <param name="Direct">The member of staff whose direct number they dial, or null for the main number. A direct call takes no part in the survey.</param>
public sealed record CitizenCall(
    int Number,
    TimeSpan Arrival,
    string Caller,
    string Dialled,
    bool OptsIn,
    int? SurveyAnswer,
    OfferAnswer FirstOffer,
    OfferAnswer LaterOffer,
    TimeSpan? GivesUpAfter,
    TimeSpan Talk,
    TransferPlan? Transfer = null,
    DirectPlan? Direct = null);
