namespace Omstilling.Calls.Control;

/// <summary>
/// Marking a call "fejlstillet" (it reached the wrong person) from the web: by the person it was put
/// through to (their own calls page) or by an operator (the console's call history). The mark is a
/// <see cref="Events.CallEventKind.MarkedMisrouted"/> event through the engine's event path, as the
/// phone's feature code makes it, so the history adds it to the call's events and record whether the
/// call is still going on or ended long ago. Who may mark which call is the caller's to check.
/// Thread-safe.
/// </summary>
public interface IMisroutedMarks
{
    /// <summary>
    /// Marks <paramref name="callId"/>, live or ended, as misrouted by <paramref name="by"/>: an
    /// operator's extension when <paramref name="byOperator"/>, else the person's extension.
    /// <see cref="CallControlResult.Done"/>, or <see cref="CallControlResult.NoSuchCall"/> for an empty id.
    /// </summary>
    CallControlResult MarkMisrouted(Guid callId, string by, bool byOperator);
}
