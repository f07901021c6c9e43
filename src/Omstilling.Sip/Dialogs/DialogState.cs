namespace Omstilling.Sip.Dialogs;

/// <summary>Dialog states of RFC 3261 §12: created by a provisional response (Early) or a 2xx (Confirmed).</summary>
public enum DialogState
{
    Early,
    Confirmed,
    Terminated,
}
