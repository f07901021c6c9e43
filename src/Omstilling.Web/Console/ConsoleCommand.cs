namespace Omstilling.Web.Console;

/// <summary>The console's commands on the operator's current call.</summary>
public enum ConsoleCommand
{
    Hold,
    Resume,
    Complete,
    Return,
    HangUp,
    /// <summary>The recall banner's voicemail: the caller leaves a message for the person who did not answer.</summary>
    BannerVoicemail,
    /// <summary>The recall banner's "keep waiting": the caller waits for the person (camp-on).</summary>
    BannerWait,
}
