namespace Omstilling.Calls.Queues;

/// <summary>
/// What a queue member (a switchboard operator) chose on the console, apart from the default of
/// taking callers while their phone is registered: logged out, or paused with a reason. What is
/// kept across a restart (docs/robustness.md). Immutable.
/// </summary>
/// <param name="LoggedOut">Logged out on the console: no callers whatever the phone does.</param>
/// <param name="PausedReason">Why they are paused, or null when they are not (a logged-out member is never paused).</param>
public sealed record MemberSetting(string Extension, bool LoggedOut, string? PausedReason);
