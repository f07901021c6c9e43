namespace Omstilling.Sip.Security;

/// <summary>What becomes of a message from a source, decided before it is parsed.</summary>
public enum SourceVerdict
{
    /// <summary>Handled as usual.</summary>
    Admit,

    /// <summary>Dropped unread: the source is blocked (and gets no answer).</summary>
    Drop,

    /// <summary>The source is blocked and gets 403 to requests: parsed only to answer it.</summary>
    Refuse,
}
