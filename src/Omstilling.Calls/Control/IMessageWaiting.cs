namespace Omstilling.Calls.Control;

/// <summary>
/// How many voicemails wait in each box, for message-waiting indication (RFC 3842): the phones
/// subscribed to a box are told at once and again on every change. Boxes are named as the policy
/// names them (a person's extension, a department's id). Implementations are thread-safe, answer
/// from memory without blocking (calls and the SIP stack ask), and raise <see cref="Changed"/>
/// outside any lock of theirs.
/// </summary>
public interface IMessageWaiting
{
    /// <summary>The box's counts now (none for a box nobody has left a message in).</summary>
    MessageCounts CountsFor(string box);

    /// <summary>Raised with the box's name after its counts changed (a message left, heard, deleted).</summary>
    event Action<string>? Changed;
}

/// <summary>A box's messages: <paramref name="New"/> not yet heard, <paramref name="Old"/> heard and kept.</summary>
public readonly record struct MessageCounts(int New, int Old)
{
    /// <summary>Whether the phone's lamp should be lit: a message not yet heard.</summary>
    public bool Waiting => New > 0;
}

/// <summary>No voicemail anywhere: every box is empty and never changes.</summary>
public sealed class NoMessageWaiting : IMessageWaiting
{
    public MessageCounts CountsFor(string box) => default;

    public event Action<string>? Changed
    {
        add { }
        remove { }
    }
}
