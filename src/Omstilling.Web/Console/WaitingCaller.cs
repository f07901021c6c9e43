namespace Omstilling.Web.Console;

/// <summary>A caller in the switchboard's queue as the console lists it, in words. Immutable.</summary>
/// <param name="Caller">The caller's number as staff read it ("20 12 34 56").</param>
/// <param name="Dialled">The number they called, likewise.</param>
/// <param name="Since">When they joined the queue (a recall: when it came back); the wait is counted from it.</param>
/// <param name="Recall">A transfer that came back: "Tilbage: Jens Hansen svarede ikke".</param>
/// <param name="Diversion">Whom the call was for and why it came here: "Ringede til Jens Hansen, er optaget".</param>
/// <param name="RingingAt">Whose phones ring for the caller now: "Ringer hos Lise Jørgensen"; null when none does.</param>
public sealed record WaitingCaller(
    Guid CallId,
    int Position,
    string Caller,
    string Dialled,
    DateTimeOffset Since,
    string? Recall,
    string? Diversion,
    IReadOnlyList<string> MenuChoices,
    string? RingingAt);
