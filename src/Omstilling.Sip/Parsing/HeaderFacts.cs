using Omstilling.Sip.Messages;

namespace Omstilling.Sip.Parsing;

/// <summary>What the parser learned about the headers while validating them, without allocating.</summary>
internal struct HeaderFacts
{
    private Seen _seen;

    public HeaderFacts()
    {
        ContentLength = -1;
    }

    [Flags]
    private enum Seen
    {
        None = 0,
        Via = 1,
        From = 2,
        To = 4,
        CallId = 8,
        CSeq = 16,
        MaxForwards = 32,
        ContentLength = 64,
        ContentType = 128,
        Contact = 256,
        ContactWildcard = 512,
    }

    /// <summary>-1 when there is no Content-Length header.</summary>
    public long ContentLength { get; set; }

    public int ContentLengthOffset { get; set; }

    /// <summary>The method bytes of the CSeq header, compared with the request method.</summary>
    public ReadOnlyMemory<byte> CSeqMethod { get; set; }

    public int CSeqOffset { get; set; }

    public void NoteVia() => _seen |= Seen.Via;

    /// <summary>Records a header that may appear once; a second one is a 400 (RFC 4475 §3.3.8, §3.3.9).</summary>
    public void NoteUnique(HeaderName name, int offset)
    {
        var flag = name == HeaderName.From ? Seen.From
            : name == HeaderName.To ? Seen.To
            : name == HeaderName.CallId ? Seen.CallId
            : name == HeaderName.CSeq ? Seen.CSeq
            : name == HeaderName.MaxForwards ? Seen.MaxForwards
            : name == HeaderName.ContentLength ? Seen.ContentLength
            : name == HeaderName.ContentType ? Seen.ContentType
            : Seen.None;
        if ((_seen & flag) != 0)
        {
            ThrowHelper.Reject(RejectReason.DuplicateHeader, offset, $"More than one {name.Name} header");
        }

        _seen |= flag;
    }

    /// <summary>
    /// Records a Contact value: STAR only as the one contact (RFC 3261 §20.10; several Contact lines
    /// are one list, §7.3.1), so that reading a message's contacts cannot meet a "*" among addresses.
    /// </summary>
    public void NoteContact(bool wildcard, int offset)
    {
        if ((_seen & Seen.ContactWildcard) != 0 || (wildcard && (_seen & Seen.Contact) != 0))
        {
            ThrowHelper.Reject(RejectReason.BadHeaderValue, offset, "Contact '*' must be the only contact");
        }

        _seen |= wildcard ? Seen.ContactWildcard : Seen.Contact;
    }

    /// <summary>The first header every request and response must carry (RFC 3261 §8.1.1) that is absent, or null.</summary>
    public readonly string? MissingRequired() =>
        (_seen & Seen.Via) == 0 ? "Via"
        : (_seen & Seen.From) == 0 ? "From"
        : (_seen & Seen.To) == 0 ? "To"
        : (_seen & Seen.CallId) == 0 ? "Call-ID"
        : (_seen & Seen.CSeq) == 0 ? "CSeq"
        : null;
}
