namespace Omstilling.Calls.Signalling.VoicemailAccess;

/// <summary>Where a person is on the voicemail number.</summary>
internal enum VoicemailAccessState
{
    /// <summary>Looking up whether the box has a PIN.</summary>
    Opening,

    /// <summary>The box has no PIN: told so, and the call ends.</summary>
    NoPin,

    /// <summary>Keying the PIN (ended by #, or by a pause).</summary>
    EnteringPin,

    /// <summary>The PIN is being checked.</summary>
    CheckingPin,

    /// <summary>Fetching the messages or a recording.</summary>
    Loading,

    /// <summary>The counts and the main menu are read; 1 listens, 5 records a greeting.</summary>
    Menu,

    /// <summary>A message plays; a key acts at once (1 again, 3 next, 7 delete, 9 keep as new).</summary>
    Playing,

    /// <summary>After a message: its choices are read and a key is awaited (none goes on to the next).</summary>
    Choosing,

    /// <summary>The person's greeting is being recorded (# ends it).</summary>
    RecordingGreeting,

    /// <summary>A change is being saved (a deletion, a greeting).</summary>
    Saving,

    /// <summary>Saying goodbye; the call ends.</summary>
    Leaving,
}
