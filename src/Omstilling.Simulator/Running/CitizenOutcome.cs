namespace Omstilling.Simulator.Running;

/// <summary>How a synthetic citizen's call went, from the citizen's side.</summary>
public enum CitizenOutcome
{
    /// <summary>An operator, or the member of staff whose direct number they dialled, answered and talked with them.</summary>
    Helped,

    /// <summary>They hung up before anyone answered.</summary>
    GaveUp,

    /// <summary>The server ended the call before anyone answered (a queue's limit, a closed switchboard's menu, a voicemail).</summary>
    EndedByServer,

    /// <summary>The server refused the call (a final status other than 2xx).</summary>
    Refused,

    /// <summary>No answer from the server in time, or the network failed.</summary>
    Failed,
}
