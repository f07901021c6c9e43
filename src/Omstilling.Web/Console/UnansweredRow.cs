namespace Omstilling.Web.Console;

/// <summary>A caller nobody has answered today, as the console lists them, in Danish. Immutable.</summary>
/// <param name="CanCallBack">The operator has a phone to be called on ("Ring op").</param>
public sealed record UnansweredRow(Guid CallId, string Caller, string Time, string Waited, string Note, bool CanCallBack);
